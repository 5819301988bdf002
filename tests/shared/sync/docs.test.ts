import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentDocId,
  decisionDocId,
  itemContent,
  itemDocId,
  itemLinkContent,
  itemLinkDocId,
  noteContent,
  noteDocId,
  parseDocId,
  readDoc,
  sameRow,
  savedSearchDocId,
  savedSearchKey,
} from '@shared/sync/docs';
import { notesArbitrary, sampleNote } from '../notes/arbitraries';

describe('sync documents', () => {
  it('maps every valid note to a document and back verbatim (property)', () => {
    fc.assert(
      fc.property(notesArbitrary, (notes) => {
        for (const note of notes) {
          const content = noteContent(note, 'Ona');
          const doc = JSON.parse(
            JSON.stringify({ ...content, _id: contentDocId(content), _rev: '1-a' }),
          ) as unknown;
          const read = readDoc(doc);
          expect(read.ok && sameRow(read.content, content)).toBe(true);
          expect(parseDocId(contentDocId(content))).toEqual({ kind: 'note', key: note.id });
        }
      }),
      { numRuns: 30 },
    );
  });

  it('gives a decision the same id whichever way round the pair is named', () => {
    expect(decisionDocId('b/2', 'a/1')).toBe(decisionDocId('a/1', 'b/2'));
    expect(parseDocId(decisionDocId('a/1', 'b/2'))).toEqual({ kind: 'decision', key: 'a/1\nb/2' });
    expect(parseDocId('_design/x')).toBeNull();
  });

  it('refuses documents that are not valid Atmintis data, saying which field', () => {
    const note = sampleNote();
    const good = { _id: noteDocId(note.id), type: 'note', author: 'Ona', note };
    expect(readDoc(good).ok).toBe(true);
    expect(readDoc({ ...good, author: '' })).toEqual({ ok: false, error: expect.stringMatching(/author/) });
    expect(readDoc({ ...good, _id: noteDocId('other') })).toEqual({
      ok: false,
      error: expect.stringMatching(/note\.id: does not match/),
    });
    expect(readDoc({ ...good, note: { ...note, body: 5 } })).toEqual({
      ok: false,
      error: expect.stringMatching(/› note › body/),
    });
    expect(readDoc({ ...good, type: 'decision' })).toEqual({
      ok: false,
      error: expect.stringMatching(/type/),
    });
  });

  it('maps a photo item to an item document and refuses an invalid one, saying which field', () => {
    const item = {
      id: 'item-1',
      template: 'archival-file' as const,
      title: 'LYA f. V-5',
      metadata: { date: '1949-03' },
      fields: [{ name: 'Transcription', value: 'Sąrašas' }],
      photos: [{ sha256: 'a'.repeat(64), page: 0 }],
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    };
    const content = itemContent(item, 'Ona');
    expect(contentDocId(content)).toBe(itemDocId('item-1'));
    expect(parseDocId('item:item-1')).toEqual({ kind: 'item', key: 'item-1' });
    const doc = { ...content, _id: 'item:item-1' };
    const read = readDoc(doc);
    expect(read.ok && sameRow(read.content, content)).toBe(true);
    expect(readDoc({ ...doc, item: { ...item, metadata: { date: 'March 1949' } } })).toEqual({
      ok: false,
      error: expect.stringMatching(/› item › metadata\.date: is not an EDTF date/),
    });
    expect(readDoc({ ...doc, _id: 'item:item-2' })).toEqual({
      ok: false,
      error: expect.stringMatching(/item\.id: does not match/),
    });
  });

  it('maps an item link to an itemlink document and refuses an invalid one, saying which field', () => {
    const link = {
      id: 'link-1',
      itemId: 'item-1',
      photo: { sha256: 'a'.repeat(64), page: 2 },
      collectionId: 'lt-deportations-1940-1953',
      recordId: 'op-vesna',
      recordTitle: 'Operation Vesna',
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    };
    const content = itemLinkContent(link, 'Ona');
    expect(contentDocId(content)).toBe(itemLinkDocId('link-1'));
    // "itemlink:" must not be read as an item document whose id starts with "link:".
    expect(parseDocId('itemlink:link-1')).toEqual({ kind: 'itemlink', key: 'link-1' });
    const doc = { ...content, _id: 'itemlink:link-1' };
    const read = readDoc(doc);
    expect(read.ok && sameRow(read.content, content)).toBe(true);
    expect(readDoc({ ...doc, link: { ...link, photo: { sha256: 'x', page: 0 } } })).toEqual({
      ok: false,
      error: expect.stringMatching(/› link › photo\.sha256: must be a sha256/),
    });
    expect(readDoc({ ...doc, type: 'item' })).toEqual({ ok: false, error: expect.stringMatching(/type/) });
    expect(readDoc({ ...doc, _id: 'itemlink:link-2' })).toEqual({
      ok: false,
      error: expect.stringMatching(/link\.id: does not match/),
    });
  });
});

describe('saved search documents', () => {
  const doc = async (query: string, fields: Record<string, unknown> = {}) => ({
    _id: savedSearchDocId(await savedSearchKey(query)),
    type: 'savedsearch',
    author: 'Ona',
    query: query.trim(),
    name: 'Operation Vesna',
    createdAt: 1_764_583_200_000,
    ...fields,
  });

  it('keys a saved search by the sha256 of its trimmed query, the same on every machine', async () => {
    const key = await savedSearchKey('  Vesna 1948 ');
    expect(key).toBe(await savedSearchKey('Vesna 1948'));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(parseDocId(savedSearchDocId(key))).toEqual({ kind: 'savedsearch', key });
  });

  it('reads a valid one verbatim and refuses an invalid one, saying which field', async () => {
    const read = readDoc(await doc('Vesna 1948'));
    expect(read).toEqual({
      ok: true,
      content: {
        type: 'savedsearch',
        author: 'Ona',
        query: 'Vesna 1948',
        name: 'Operation Vesna',
        createdAt: 1_764_583_200_000,
      },
    });
    const error = async (fields: Record<string, unknown>) => {
      const result = readDoc(await doc('Vesna 1948', fields));
      return result.ok ? null : result.error;
    };
    expect(await error({ name: ' ' })).toMatch(/› name: must be a non-empty string$/);
    expect(await error({ query: ' Vesna 1948' })).toMatch(/› query: must not begin or end with spaces$/);
    expect(await error({ query: 3 })).toMatch(/› query: must be a non-empty string$/);
    expect(await error({ createdAt: 'today' })).toMatch(/› createdAt: must be a time in epoch milliseconds$/);
    expect(await error({ _id: 'savedsearch:Vesna 1948' })).toMatch(/_id: must end in the sha256/);
  });
});
