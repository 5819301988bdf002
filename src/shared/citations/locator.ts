/**
 * Turns a locator as the collection records it — verbatim as printed ("p. 266", "pp. 782-784",
 * "doc. 19", "p. 279; p. 268") — into the parts of a CSL cite item, so each style prints the page in its
 * own way ("266" in Chicago author-date, "p. 266" in APA).
 */

/** The CSL locator labels this app recognises (a subset of CSL 1.0.2's locator terms). */
type CslLocatorLabel =
  | 'page'
  | 'volume'
  | 'chapter'
  | 'section'
  | 'paragraph'
  | 'figure'
  | 'folio'
  | 'line'
  | 'note'
  | 'column'
  | 'table'
  | 'issue';

interface CiteItemLocator {
  locator?: string;
  label?: CslLocatorLabel;
  /**
   * A locator no CSL label fits ("doc. 19"), printed verbatim after the citation, with its own
   * leading separator.
   */
  suffix?: string;
}

/** Abbreviations as printed in the collection's sources, lower-cased, without the full stop. */
const LABELS: Record<string, CslLocatorLabel> = {
  p: 'page',
  pp: 'page',
  page: 'page',
  pages: 'page',
  vol: 'volume',
  vols: 'volume',
  ch: 'chapter',
  chap: 'chapter',
  chapter: 'chapter',
  sec: 'section',
  '§': 'section',
  '§§': 'section',
  para: 'paragraph',
  paras: 'paragraph',
  fig: 'figure',
  figs: 'figure',
  f: 'folio',
  ff: 'folio',
  fol: 'folio',
  fols: 'folio',
  l: 'line',
  ll: 'line',
  n: 'note',
  nn: 'note',
  col: 'column',
  cols: 'column',
  tab: 'table',
  table: 'table',
  no: 'issue',
};

/** "p. 266" → label "p", value "266"; "266" → no label. Values must start with a digit or roman numeral. */
const PART = /^(?:([a-z§]+)\.?\s*)?((?:\d|[ivxlcdm]+\b)[\w\s,–-]*)$/i;

export function citeItemLocator(printed: string | null | undefined): CiteItemLocator {
  const text = printed?.trim();
  if (!text) return {};
  const parts = text.split(';').map((part) => PART.exec(part.trim()));
  let label: CslLocatorLabel | undefined;
  const values: string[] = [];
  for (const match of parts) {
    const value = match?.[2]?.trim();
    if (!match || !value) return { suffix: `, ${text}` };
    const partLabel = match[1] ? LABELS[match[1].toLowerCase()] : 'page';
    // Every part must carry the same kind of locator, else the verbatim text is the honest rendering.
    if (!partLabel || (label && partLabel !== label)) return { suffix: `, ${text}` };
    label = partLabel;
    values.push(value);
  }
  return { locator: values.join(', '), label };
}
