import { describe, expect, it } from 'vitest';
import { noteDocument, noteIndexInput } from '@shared/search/note-documents';
import { createSearchWorkerHost, type SearchWorkerResponse } from '@shared/search/protocol';
import { sampleNote } from '../notes/arbitraries';
import { targetHref } from '@shared/notes/targets';
import { smallCollection } from './fixtures';

const onRecord = (recordId: string, body: string, id: string, tags: string[] = []) =>
  sampleNote({ id, body, tags, target: { kind: 'record', collectionId: 'test', recordId } });

/** A worker host run synchronously, returning the last search answer. */
function host() {
  const posted: SearchWorkerResponse[] = [];
  const worker = createSearchWorkerHost(
    (message) => posted.push(message),
    (run) => run(),
  );
  worker.receive({ type: 'index', collections: [smallCollection()] });
  let seq = 0;
  return {
    worker,
    search(query: string) {
      worker.receive({ type: 'search', seq: ++seq, query, limit: 20 });
      const answer = posted.at(-1);
      if (answer?.type !== 'results') throw new Error(`no results for ${query}: ${JSON.stringify(answer)}`);
      return answer.response;
    },
  };
}

describe('notes in the search index', () => {
  it('turns a note into a document that opens its target, titled by its first line', () => {
    const doc = noteDocument(onRecord('op-vesna', '# Ask the archivist\nabout the lists', 'n1', ['todo']));
    expect(doc).toMatchObject({
      id: 'note/n1',
      kind: 'note',
      collectionId: 'test',
      path: '/browse/record/test/op-vesna',
      title: 'Ask the archivist',
      tags: ['todo'],
      fields: { body: ['# Ask the archivist\nabout the lists'], tags: ['todo'] },
    });
  });

  it('opens a passage note focused in the Reader, on an imported document and on a collection text', () => {
    const passage = (collectionId: string, textId: string) =>
      sampleNote({
        id: `p-${textId}`,
        target: {
          kind: 'passage',
          collectionId,
          textId,
          selectors: [
            { type: 'TextQuoteSelector', exact: 'quoted words', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 12 },
          ],
        },
      });
    expect(noteDocument(passage('reader-documents', 'doc-1')).path).toBe(
      '/reader/document/doc-1/note/p-doc-1',
    );
    expect(targetHref(passage('reader-documents', 'doc-1').target)).toBe('#/reader/document/doc-1');
    expect(noteDocument(passage('test', 'essay')).path).toBe('/reader/test/essay/note/p-essay');
  });

  it('leaves trashed notes out and lists what live notes are attached to', () => {
    const input = noteIndexInput([
      onRecord('op-vesna', 'kept', 'n1'),
      { ...onRecord('place-igarka', 'gone', 'n2'), deletedAt: '2026-11-28T19:00:00.000Z' },
    ]);
    expect(input.documents.map((doc) => doc.id)).toEqual(['note/n1']);
    expect(input.notedIds).toEqual(['test/r/op-vesna']);
  });

  it('finds notes beside records, counts them, and updates when notes change', () => {
    const { worker, search } = host();
    expect(search('quokka').total).toBe(0);

    const input = noteIndexInput([onRecord('op-vesna', 'Ask about quokka permits', 'n1', ['archive'])]);
    worker.receive({ type: 'notes', ...input });
    const found = search('quokka');
    expect(found.hits.map((hit) => hit.id)).toEqual(['note/n1']);
    expect(found.kindCounts).toContainEqual({ value: 'note', count: 1 });
    expect(found.hits[0]?.matches[0]?.field).toBe('body');

    // Records and notes answer one query together.
    const vesna = search('vesna');
    expect(vesna.hits.map((hit) => hit.id)).toContain('test/r/op-vesna');
    expect(search('tag:archive').hits.map((hit) => hit.id)).toEqual(['note/n1']);
    expect(search('has:notes kind:event').hits.map((hit) => hit.id)).toEqual(['test/r/op-vesna']);

    worker.receive({ type: 'notes', documents: [], notedIds: [] });
    expect(search('quokka').total).toBe(0);
    expect(search('has:notes kind:event').total).toBe(0);
  });
});
