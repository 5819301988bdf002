/**
 * Bibliography exports: BibTeX, RIS and CSL-JSON. The mapping from CSL-JSON to BibTeX and RIS fields is
 * citation-js's (plugin-bibtex, plugin-ris): a well-kept mapping is worth more than a hand-written one.
 * Only RIS serialisation is ours, because citation-js's breaks every value after 70 characters — mid-word,
 * and its own parser rejoins the pieces with a space — which corrupts long titles and notes.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from '../collection/schema';
import type { ExportFormat } from './formats';

export { EXPORT_FILE_TYPES, EXPORT_FORMATS, type ExportFormat } from './formats';

function bibtexConfig() {
  const config = plugins.config.get('@bibtex');
  if (!config) throw new Error('The citation-js BibTeX plugin did not register its configuration.');
  return config;
}

/**
 * BibTeX in UTF-8, with the collection's ids as citation keys (stable across exports, unlike generated
 * keys). Not ASCII with LaTeX accents: citation-js's ASCII mode silently drops every letter that has no
 * LaTeX command (all of Cyrillic), so "Литва в 1940–1991 годах" would become "1940–1991". biber, Zotero,
 * JabRef and BibTeX with UTF-8 input all read UTF-8.
 *
 * citation-js maps the fields; three of its renderings are corrected here, because they make invalid or
 * unfaithful files: a full date becomes `month = {jan 8}` (not a month: written as the month macro, the
 * day kept in biblatex's `date`), case protection braces split words at the first non-ASCII letter
 * (`{Grinkevi}čiūtė`: whole words are braced instead), and with UTF-8 output nothing escapes TeX's
 * special characters (`&`, `%`, `#`, `_`, `$`).
 */
export function toBibTeX(items: readonly CslItem[]): string {
  const config = bibtexConfig().format;
  config.useIdAsLabel = true;
  // citation-js would strip the hyphens from "balkelis-etal2016"; collection ids are validated kebab-case,
  // which BibTeX keys allow, so the key stays the id.
  config.checkLabel = false;
  config.asciiOnly = false;
  const entries = plugins.output.format('bibtex', structuredClone(items) as object[], { format: 'object' });
  if (entries.length !== items.length) {
    throw new Error(`The BibTeX mapping returned ${entries.length} entries for ${items.length} works.`);
  }
  return entries
    .map((entry, index) => {
      const fields = bibtexFields(entry.properties, items[index]?.issued);
      const lines = fields.map(([field, value]) => `\t${field} = ${value},\n`).join('');
      return `@${entry.type}{${entry.label},\n${lines}}\n`;
    })
    .join('');
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Fields whose value citation-js brace-protects as a title. */
const TITLE_FIELDS = new Set([
  'title',
  'booktitle',
  'eventtitle',
  'maintitle',
  'origtitle',
  'series',
  'shorttitle',
  'type',
]);
/** Fields written verbatim (no TeX escapes). */
const VERBATIM_FIELDS = new Set(['url', 'doi', 'eprint', 'file', 'pdf']);

/** The fields of one entry, each as written after `=` (braced value, or a bare month macro). */
function bibtexFields(
  properties: Record<string, string>,
  issued: CslItem['issued'],
): [field: string, value: string][] {
  const fields: [string, string][] = [];
  for (const [field, raw] of Object.entries(properties)) {
    if (field === 'month') {
      fields.push(...dateFields(issued, raw));
      continue;
    }
    let value = VERBATIM_FIELDS.has(field) ? raw : escapeTeX(raw);
    if (TITLE_FIELDS.has(field)) value = protectWords(unprotect(value));
    fields.push([field, `{${value}}`]);
  }
  return fields;
}

/** `month` as its macro (`jan`), and the full date as biblatex's `date` when there is more than a month. */
function dateFields(issued: CslItem['issued'], raw: string): [string, string][] {
  const parts = issued?.['date-parts'];
  const [, month, day] = parts?.[0] ?? [];
  const macro = month !== undefined ? MONTH_MACROS[month - 1] : undefined;
  // A month CSL allows but no macro names (seasons as 13–16 in some data): kept as text.
  const fields: [string, string][] = [['month', macro ?? `{${escapeTeX(raw)}}`]];
  if (parts && (day !== undefined || parts.length > 1)) {
    const iso = (date: number[]) =>
      date.map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-');
    fields.push(['date', `{${parts.map(iso).join('/')}}`]);
  }
  return fields;
}

/** TeX's special characters, escaped unless they already are. */
function escapeTeX(value: string): string {
  return value.replace(/(?<!\\)([&%#_$])/g, '\\$1');
}

/**
 * citation-js's case-protection braces, removed: a brace group that is not a command's argument. The
 * collection's titles hold no braces of their own (CSL-JSON marks case with HTML-like tags, not braces).
 */
function unprotect(value: string): string {
  return value.replace(/(?<!\\[a-zA-Z]+)\{([^{}]*)\}/g, '$1');
}

/** A word: letters (any script, with their combining marks) and digits, joined by inner hyphens or apostrophes. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Braces around every whole word that has a capital letter a BibTeX style could lower-case: any word
 * with a capital after its first letter, and any capitalised word but the first of the title or of a
 * part after a colon (which styles keep as they are).
 */
function protectWords(title: string): string {
  return title
    .split(/(:\s+)/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      let first = true;
      return part.replace(WORD, (word, offset: number) => {
        const isFirst = first;
        first = false;
        const capitals = /\p{Lu}/u.test(word.slice(1));
        const initialCapital = /^\p{Lu}/u.test(word);
        const preceded = offset > 0 && part[offset - 1] === '\\';
        return !preceded && (capitals || (initialCapital && !isFirst)) ? `{${word}}` : word;
      });
    })
    .join('');
}

/** One RIS value on one line: line breaks would end the field early. */
const risValue = (value: string): string => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * The RIS spec calls a newspaper article's writer its reporter (AU in a NEWS record), so citation-js
 * maps only CSL's `reporter` there — a plain text variable to it — and would drop the `author` the
 * collection records. Hand it the authors as RIS writes names ("Family, Given").
 */
function forRis(item: CslItem): object {
  const copy = structuredClone(item) as CslItem & { reporter?: unknown };
  if (copy.type === 'article-newspaper' && copy.author && copy.reporter === undefined) {
    copy.reporter = copy.author.map(
      (name) => name.literal ?? [name.family, name.given].filter((part) => part !== undefined).join(', '),
    );
    delete copy.author;
  }
  return copy;
}

/** RIS as the spec writes it: `TY  - ` first, `ER  - ` last, CRLF line ends, one tag per line. */
export function toRis(items: readonly CslItem[]): string {
  const records = plugins.output.format('ris', items.map(forRis), { format: 'object' });
  const lines: string[] = [];
  for (const record of records) {
    lines.push(`TY  - ${risValue(String(record['TY'] ?? 'GEN'))}`);
    for (const [tag, raw] of Object.entries(record)) {
      if (tag === 'TY' || tag === 'ER') continue;
      for (const value of [raw].flat()) {
        const clean = risValue(String(value));
        if (clean !== '') lines.push(`${tag}  - ${clean}`);
      }
    }
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

/** The entries as they are: the collection's bibliography is CSL-JSON already. */
export function toCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function exportBibliography(format: ExportFormat, items: readonly CslItem[]): string {
  switch (format) {
    case 'bibtex':
      return toBibTeX(items);
    case 'ris':
      return toRis(items);
    case 'csl-json':
      return toCslJson(items);
  }
}
