import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '@shared/collection/schema';
import { FIRST_SCREEN_ENTRIES, disambiguationContext } from '@shared/citations/chunks';
import { createCitationFormatter, type CitationFormatter } from '@shared/citations/formatter';
import type { CitationStyleId } from '@shared/citations/styles';
import { bundledCslSources } from './fixtures';

/** Plainly fictional works: two by one author in one year, one by another author. */
const SAME_YEAR_A: CslItem = {
  id: 'test-a',
  type: 'book',
  author: [{ family: 'Testauskas', given: 'Test' }],
  title: 'Test Book A',
  publisher: 'Test Press',
  issued: { 'date-parts': [[2000]] },
};
const SAME_YEAR_B: CslItem = { ...SAME_YEAR_A, id: 'test-b', title: 'Test Book B' };
const OTHER: CslItem = {
  id: 'test-other',
  type: 'book',
  author: [{ family: 'Testaitė', given: 'Testa' }],
  editor: [{ family: 'Testauskas', given: 'Test' }],
  title: 'Test Book C',
  issued: { 'date-parts': [[2001]] },
};
const UNRELATED: CslItem = {
  id: 'test-unrelated',
  type: 'book',
  author: [{ family: 'Kitas', given: 'Test' }],
  title: 'Test Book D',
  issued: { 'date-parts': [[2000]] },
};
const UNTITLED_A: CslItem = { id: 'test-untitled-a', type: 'report', title: 'Test Report' };
const UNTITLED_B: CslItem = { id: 'test-untitled-b', type: 'report', title: 'test report' };

describe('disambiguationContext', () => {
  it('adds every work sharing a name in any role, or a title when it has no creators', () => {
    const all = [UNRELATED, SAME_YEAR_B, OTHER, SAME_YEAR_A, UNTITLED_A, UNTITLED_B];
    expect(disambiguationContext([SAME_YEAR_A], all).map((item) => item.id)).toEqual([
      'test-a',
      'test-b',
      'test-other',
    ]);
    expect(disambiguationContext([UNTITLED_B], all).map((item) => item.id)).toEqual([
      'test-untitled-b',
      'test-untitled-a',
    ]);
    expect(disambiguationContext([UNRELATED], all).map((item) => item.id)).toEqual(['test-unrelated']);
  });
});

const BUNDLED = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../../resources/collections/lt-deportations-1940-1953/bibliography.json',
    ),
    'utf8',
  ),
) as CslItem[];

describe('the first screen, formatted before the whole list', { timeout: 180_000 }, () => {
  let formatter: CitationFormatter;
  beforeAll(() => {
    formatter = createCitationFormatter(bundledCslSources());
  }, 60_000);

  it('gets the year suffix the whole list gives, though the other work is not on screen', () => {
    const options = { style: 'chicago-author-date', locale: 'en-US' } as const;
    const all = [SAME_YEAR_A, SAME_YEAR_B, UNRELATED];
    const whole = new Map(formatter.references(all, options).map((entry) => [entry.id, entry.text]));
    expect(whole.get('test-a')).toContain('2000a');
    const alone = formatter.writtenOutReferences([SAME_YEAR_A], options)[0]?.text;
    // Without its context the work would be shown as plain 2000, then change under the reader's eyes.
    expect(alone).not.toContain('2000a');
    const withContext = formatter
      .writtenOutReferences(disambiguationContext([SAME_YEAR_A], all), options)
      .find((entry) => entry.id === 'test-a');
    expect(withContext?.text).toBe(whole.get('test-a'));
  });

  // Every window of one screen over the bundled list (in the style's order) comes out as in the whole
  // list with names written out: what the list shows is never corrected when the whole list arrives,
  // except for a "———" the whole list may put in.
  it.each<CitationStyleId>(['chicago-author-date', 'apa', 'modern-language-association'])(
    'matches the whole list for the bundled bibliography: %s',
    (style) => {
      const options = { style, locale: 'en-US' } as const;
      const data = formatter.bibliographyData(BUNDLED, options);
      const whole = new Map((data.writtenOut ?? data.references).map((entry) => [entry.id, entry]));
      const byId = new Map(BUNDLED.map((item) => [item.id, item]));
      const order = data.references.map((entry) => byId.get(entry.id) as CslItem);
      for (let start = 0; start < order.length; start += FIRST_SCREEN_ENTRIES) {
        const shown = order.slice(start, start + FIRST_SCREEN_ENTRIES);
        const ids = new Set(shown.map((item) => item.id));
        const first = formatter
          .writtenOutReferences(disambiguationContext(shown, BUNDLED), options)
          .filter((entry) => ids.has(entry.id));
        expect(first.map((entry) => entry.id).sort()).toEqual([...ids].sort());
        for (const entry of first) expect(entry, `${style} ${entry.id}`).toEqual(whole.get(entry.id));
      }
    },
  );
});
