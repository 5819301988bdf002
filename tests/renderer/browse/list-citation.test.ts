/**
 * A person from an imported list is cited to the list as the user named it and the file it came from,
 * letter for letter, in every style: no English title case, no capital forced onto the file name.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAsSource } from '../../../src/renderer/src/browse/PersonFields';
import { createCitationFormatter, type CitationFormatter } from '@shared/citations/formatter';
import { CITATION_STYLES, CSL_LOCALES } from '@shared/citations/styles';
import type { LoadedCollection } from '@shared/collection/model';

const CSL_DIR = resolve(import.meta.dirname, '../../../resources/csl');
const cslFile = (file: string) => readFileSync(resolve(CSL_DIR, file), 'utf8');

/** An invented imported list (test data). */
const collection = {
  manifest: { id: 'tremtiniai-is-kauno', title: 'tremtiniai iš kauno apskrities' },
} as unknown as LoadedCollection;
const FILE = 'sąrašas-1941.csv';

describe('citing a row of an imported list', { timeout: 60_000 }, () => {
  let formatter: CitationFormatter;
  beforeAll(() => {
    formatter = createCitationFormatter({
      styles: Object.fromEntries(CITATION_STYLES.map((style) => [style.id, cslFile(style.file)])),
      locales: Object.fromEntries(CSL_LOCALES.map((locale) => [locale.id, cslFile(locale.file)])),
    });
  }, 60_000);

  const cases = CITATION_STYLES.flatMap((s) => (['en-US', 'lt-LT'] as const).map((l) => [s.id, l] as const));
  for (const [style, locale] of cases) {
    it(`${style}, ${locale}: keeps the list's title and file name as written`, () => {
      const item = listAsSource(collection, FILE);
      const options = { style, locale };
      const citation = formatter.citation({ source: item, locator: 'eil. 4' }, options);
      const reference = formatter.reference(item, options);
      for (const text of [citation.text, reference?.text ?? '']) {
        expect(text).toContain('tremtiniai iš kauno apskrities');
        expect(text).not.toContain('nocase');
      }
      expect(reference?.text).toContain(FILE);
      expect(`${citation.html}${reference?.html}`).not.toContain('nocase');
    });
  }
});
