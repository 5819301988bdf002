/**
 * The bundled collection speaks Lithuanian as well as English: every record's title and summary, every
 * claim label, the manifest's title and description and the overview essay. The translation keeps every
 * figure, date and link of the original, so a Lithuanian reader meets the same facts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import type { LoadedCollection } from '@shared/collection/model';
import { extractCollectionLinks } from '@shared/collection/links';
import { BUNDLED_COLLECTION } from '../../shared/collection/package-files';

/**
 * Records, claims (`recordId › claimId`) or texts not translated yet. Keep it empty: an entry here is shown
 * to Lithuanian readers in English, with the fallback note.
 */
const NOT_TRANSLATED_YET: string[] = [];

let collection: LoadedCollection;
beforeAll(async () => {
  const result = await loadCollectionFromDirectory(BUNDLED_COLLECTION);
  if (!result.ok) throw new Error(result.error.message);
  collection = result.value;
});

/** Numbers as a reader reads them: "130,000" (en) and "130 000" (lt) are one number, "4.5" and "4,5" too. */
function numbersIn(text: string, language: 'en' | 'lt'): string[] {
  const plain =
    language === 'en'
      ? text.replace(/(\d),(?=\d{3}\b)/g, '$1')
      : text.replace(/(\d)[\s\u00a0](?=\d{3}\b)/g, '$1').replace(/(\d),(?=\d)/g, '$1.');
  return (plain.match(/\d+(?:\.\d+)?/g) ?? []).sort();
}

const linksIn = (markdown: string) =>
  extractCollectionLinks(markdown)
    .map((link) => `${link.scheme}:${link.target}`)
    .sort();

describe('bundled collection in Lithuanian', () => {
  it('gives every record a Lithuanian title and summary with the same figures and links', () => {
    const missing: string[] = [];
    for (const record of collection.records) {
      if (NOT_TRANSLATED_YET.includes(record.id)) continue;
      const lt = record.translations?.lt;
      if (!(lt?.title ?? record.labels.lt)) missing.push(`${record.id}: title`);
      if (!lt?.summary) {
        missing.push(`${record.id}: summary`);
        continue;
      }
      expect(lt.summary, record.id).not.toBe(record.summary);
      expect(numbersIn(lt.summary, 'lt'), `figures in ${record.id}`).toEqual(numbersIn(record.summary, 'en'));
      expect(linksIn(lt.summary), `links in ${record.id}`).toEqual(linksIn(record.summary));
    }
    expect(missing).toEqual([]);
  });

  it('gives every claim a Lithuanian label', () => {
    const missing = collection.records.flatMap((record) =>
      record.claims
        .filter((claim) => !claim.translations?.lt?.counts)
        .map((claim) => `${record.id} › ${claim.id}`)
        .filter((id) => !NOT_TRANSLATED_YET.includes(id)),
    );
    expect(missing).toEqual([]);
  });

  it('gives every claim note a Lithuanian note with the same figures', () => {
    for (const record of collection.records) {
      for (const claim of record.claims) {
        if (!claim.note) continue;
        const note = claim.translations?.lt?.note;
        expect(note, `${record.id} › ${claim.id}`).toBeTruthy();
        expect(numbersIn(note ?? '', 'lt'), `${record.id} › ${claim.id}`).toEqual(
          numbersIn(claim.note, 'en'),
        );
      }
    }
  });

  it('gives every flag note a Lithuanian note', () => {
    const missing = collection.records.flatMap((record) =>
      (record.flags ?? [])
        .filter((flag) => flag.note && !flag.translations?.lt?.note)
        .map((flag) => `${record.id} › ${flag.type}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps claims that count the same thing together in Lithuanian too', () => {
    // Claims are grouped by label; one English label must not split into several Lithuanian ones.
    const byLabel = new Map<string, Set<string>>();
    for (const claim of collection.records.flatMap((record) => record.claims)) {
      const key = `${claim.unit} ${claim.counts}`;
      byLabel.set(key, (byLabel.get(key) ?? new Set()).add(claim.translations?.lt?.counts ?? ''));
    }
    expect([...byLabel].filter(([, labels]) => labels.size > 1)).toEqual([]);
  });

  it('names the collection in Lithuanian', () => {
    const lt = collection.manifest.translations?.lt;
    expect(lt?.title).toBe('Sovietiniai trėmimai iš Lietuvos, 1940–1953 m.');
    expect(lt?.description).toBeTruthy();
    expect(numbersIn(lt?.description ?? '', 'lt')).toEqual(numbersIn(collection.manifest.description, 'en'));
  });

  it('has every text in Lithuanian, with the same links and figures as the original', () => {
    const originals = collection.texts.filter((text) => text.translationOf === undefined);
    expect(originals.length).toBeGreaterThan(0);
    for (const original of originals) {
      if (NOT_TRANSLATED_YET.includes(original.id)) continue;
      const lt = collection.texts.find(
        (text) => text.translationOf === original.id && text.language === 'lt',
      );
      expect(lt, `Lithuanian text of ${original.id}`).toBeDefined();
      if (!lt) continue;
      expect(linksIn(lt.markdown)).toEqual(linksIn(original.markdown));
      expect(numbersIn(lt.markdown, 'lt')).toEqual(numbersIn(original.markdown, 'en'));
      // The same sections, in the same order.
      const headings = (markdown: string) =>
        markdown.split('\n').filter((line) => line.startsWith('#')).length;
      expect(headings(lt.markdown)).toBe(headings(original.markdown));
    }
  });
});
