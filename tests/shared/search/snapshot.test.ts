/**
 * A snapshot reopens into the same engine: same documents, same answers to every kind of query, and a
 * damaged snapshot is refused with the place that is wrong, never searched.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import { extractDocuments, type SearchDocument } from '@shared/search/documents';
import { createSearchEngine, loadSearchEngine, type SearchEngine } from '@shared/search/engine';
import { documentAt, prepareIndex } from '@shared/search/prepared-index';
import { SnapshotError, decodeSnapshot, encodeSnapshot } from '@shared/search/snapshot';

const dir = resolve(import.meta.dirname, '../../../resources/collections/lt-deportations-1940-1953');

/** Queries of every shape: words, typos, Cyrillic, phrases, exclusions, filters, filters alone. */
const QUERIES = [
  'Krasnoyrsk',
  'Grinkeviciute',
  'Сталин',
  'Lukša',
  '"Operation Priboi"',
  'deportation -1941',
  'kind:place Igarka',
  'kind:person',
  'year:1948..1949 vesna',
  'place:Igarka',
  'source:zemskov',
  'status:unverified',
  'has:notes',
  'tag:operation',
  'Ka',
  'Zemskov 1991',
];

let documents: SearchDocument[];
let built: SearchEngine;
let bytes: Uint8Array;
let reopened: SearchEngine;

beforeAll(async () => {
  const loaded = await loadCollectionFromDirectory(dir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  documents = extractDocuments(loaded.value);
  built = createSearchEngine(documents);
  bytes = built.snapshot();
  reopened = loadSearchEngine(bytes);
});

describe('search index snapshot', () => {
  it('rebuilds every document exactly', () => {
    const prepared = decodeSnapshot(encodeSnapshot(prepareIndex(documents)));
    documents.forEach((doc, d) => expect(documentAt(prepared, d)).toEqual(doc));
  });

  it('answers every query as the engine it was taken from', () => {
    const noted = [documents[3]?.id ?? '', documents[40]?.id ?? '', 'not-a-document'];
    built.setNotedDocuments(noted);
    reopened.setNotedDocuments(noted);
    for (const query of QUERIES) {
      const expected = built.search(query, { limit: 30 });
      expect(expected.total, query).toBeGreaterThan(0);
      expect(reopened.search(query, { limit: 30 }), query).toEqual(expected);
    }
    expect(reopened.size).toBe(built.size);
    expect(reopened.vocabularySize).toBe(built.vocabularySize);
  });

  it('takes the same snapshot again from a reopened engine', () => {
    // Byte for byte; Buffer.equals because a deep toEqual over a megabyte-sized array takes seconds.
    const again = reopened.snapshot();
    expect(again.length).toBe(bytes.length);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('opens from a buffer at an odd offset (as a slice of a bigger one arrives)', () => {
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(loadSearchEngine(shifted.subarray(3)).search('Igarka').total).toBe(built.search('Igarka').total);
  });

  it('refuses what is not a snapshot, or a snapshot of another format', () => {
    expect(() => loadSearchEngine(new TextEncoder().encode('{"records": []}'))).toThrow(/wrong magic bytes/);
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(8, 999, true);
    expect(() => loadSearchEngine(other)).toThrow(/format 999/);
  });

  it('refuses a truncated snapshot', () => {
    expect(() => loadSearchEngine(bytes.subarray(0, Math.floor(bytes.length / 2)))).toThrow(SnapshotError);
  });

  it('names the section and entry when an id is out of range', () => {
    const damaged = bytes.slice();
    const view = new DataView(damaged.buffer);
    const headerLength = view.getUint32(12, true);
    const header = JSON.parse(new TextDecoder().decode(damaged.subarray(16, 16 + headerLength))) as {
      sections: Record<string, [string, number, number]>;
    };
    const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
    const [, offset] = header.sections['documents.title'] ?? ['', 0, 0];
    view.setInt32(dataStart + offset + 4 * 5, 0x7fffffff, true);
    expect(() => loadSearchEngine(damaged)).toThrow(/documents\.title\[5\] = 2147483647 is out of range/);
  });
});
