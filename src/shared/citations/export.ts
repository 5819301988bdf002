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
 */
export function toBibTeX(items: readonly CslItem[]): string {
  const format = bibtexConfig().format;
  format.useIdAsLabel = true;
  // citation-js would strip the hyphens from "balkelis-etal2016"; collection ids are validated kebab-case,
  // which BibTeX keys allow, so the key stays the id.
  format.checkLabel = false;
  format.asciiOnly = false;
  return plugins.output.format('bibtex', structuredClone(items) as object[]);
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
