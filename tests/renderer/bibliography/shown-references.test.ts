/**
 * The Bibliography view formats the list once and shows it sorted and filtered in its own ways. A
 * subsequent-author substitute ("———" in MLA) must stand for the authors of the entry shown directly above
 * it, in every style, sort and filter.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CslItem, CslName } from '@shared/collection/schema';
import {
  createCitationFormatter,
  type CitationFormatter,
  type FormattedBibliography,
} from '@shared/citations/formatter';
import {
  CITATION_STYLES,
  CSL_LOCALES,
  type CitationStyleId,
  type CslLocaleId,
} from '@shared/citations/styles';
import {
  EMPTY_ENTRY_FILTER,
  ENTRY_SORTS,
  filterEntries,
  sortEntries,
  typeCounts,
  type EntryFilter,
} from '../../../src/renderer/src/bibliography/model';

const BUNDLED = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../../resources/collections/lt-deportations-1940-1953/bibliography.json',
    ),
    'utf8',
  ),
) as CslItem[];

const CSL_DIR = resolve(import.meta.dirname, '../../../resources/csl');
const cslFile = (file: string) => readFileSync(resolve(CSL_DIR, file), 'utf8');

const SUBSTITUTE = '———';

const names = (item: CslItem | undefined) => {
  const people: CslName[] = item?.author?.length ? item.author : (item?.editor ?? []);
  return JSON.stringify(people.map((name) => [name.literal, name.family, name.given]));
};

const FILTERS: EntryFilter[] = [
  EMPTY_ENTRY_FILTER,
  ...typeCounts(BUNDLED).map(([type]) => ({ type, text: '' })),
  ...['Armonas', 'Balkelis', 'Grinkevičiūtė', 'Anušauskas', 'Lithuania', 'Moscow', '2018', 'LGGRTC'].map(
    (text) => ({ type: 'all', text }),
  ),
  { type: 'book', text: 'Lithuania' },
];

const LOCALES: CslLocaleId[] = ['en-US', 'lt-LT'];

describe('author substitutes in the shown bibliography', { timeout: 180_000 }, () => {
  let formatter: CitationFormatter;
  // Formatting the 113 works takes citeproc seconds: each list is made once for all the tests.
  const lists = new Map<string, FormattedBibliography>();
  const listOf = (style: CitationStyleId, locale: CslLocaleId) => {
    const key = `${style}|${locale}`;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = formatter.bibliography(BUNDLED, { style, locale })));
    return list;
  };
  beforeAll(() => {
    formatter = createCitationFormatter({
      styles: Object.fromEntries(CITATION_STYLES.map((style) => [style.id, cslFile(style.file)])),
      locales: Object.fromEntries(CSL_LOCALES.map((locale) => [locale.id, cslFile(locale.file)])),
    });
  }, 60_000);

  // Only MLA substitutes; it is also checked with the Lithuanian locale. One test per list: formatting
  // 113 works is the slow part, and each gets its own time.
  const COMBINATIONS = CITATION_STYLES.flatMap((style) =>
    (style.id === 'modern-language-association' ? LOCALES : LOCALES.slice(0, 1)).map(
      (locale) => [style.id, locale] as const,
    ),
  );
  it.each(COMBINATIONS)(
    'stand only under an entry by the same authors: %s, %s, every sort × filter',
    (style, locale) => {
      const collator = new Intl.Collator('en');
      const list = listOf(style, locale);
      let substitutes = 0;
      for (const sort of ENTRY_SORTS) {
        for (const filter of FILTERS) {
          const shown = sortEntries(filterEntries(BUNDLED, filter), sort, collator);
          const references = list.arrange(shown.map((item) => item.id));
          const printed = shown.filter((item) => references.has(item.id));
          printed.forEach((item, index) => {
            const reference = references.get(item.id);
            if (!reference?.text.startsWith(SUBSTITUTE)) return;
            substitutes += 1;
            const where = `${sort.key}-${sort.direction} ${JSON.stringify(filter)} ${item.id}`;
            expect(reference.html.startsWith(SUBSTITUTE), where).toBe(true);
            expect(names(printed[index - 1]), `${where} under ${printed[index - 1]?.id}`).toBe(names(item));
          });
        }
      }
      // The substitute is kept where it is right, not simply switched off.
      if (style === 'modern-language-association') expect(substitutes).toBeGreaterThan(0);
      else expect(substitutes).toBe(0);
    },
  );

  it("keeps MLA's own list and its substitutes in the style's order", () => {
    const list = listOf('modern-language-association', 'en-US');
    const ids = list.references.map((reference) => reference.id);
    const shown = list.arrange(ids);
    expect([...shown.values()].map((reference) => reference.text)).toEqual(
      list.references.map((reference) => reference.text),
    );
    expect(shown.get('armonas1961')?.text).toBe('———. Leave Your Tears in Moscow. Lippincott, 1961.');
  });

  it('writes out Armonas under Anušauskas when sorted by author and year (the reported case)', () => {
    const collator = new Intl.Collator('en');
    const shown = sortEntries(BUNDLED, { key: 'author', direction: 'ascending' }, collator);
    const ids = shown.map((item) => item.id);
    const armonas = ids.indexOf('armonas1961');
    expect(ids[armonas - 1]).toMatch(/^anusauskas/);
    const list = listOf('modern-language-association', 'en-US');
    // Taking the style-order references by id, as the view did, credits the book to the author above.
    const byId = new Map(list.references.map((reference) => [reference.id, reference]));
    expect(byId.get('armonas1961')?.text.startsWith(SUBSTITUTE)).toBe(true);
    expect(list.arrange(ids).get('armonas1961')?.text).toBe(
      'Armonas, Barbara. Leave Your Tears in Moscow. Lippincott, 1961.',
    );
  });
});
