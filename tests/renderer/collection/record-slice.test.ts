import { describe, expect, it } from 'vitest';
import type { LoadedCollection } from '@shared/collection/model';
import type { Manifest } from '@shared/collection/schema';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { fetchRecordSlice } from '../../../src/renderer/src/collection/record-slice';
import { fetchTargetSources } from '../../../src/renderer/src/notes/use-collections';
import { record } from '../browse/fixtures';
import { withRecordChannels } from '../record-channels';

/** Invented records (test data, not history): a hub, what it names, what names it, and bystanders. */
const collection: LoadedCollection = {
  manifest: { id: 'test-big', title: 'Test big', version: '1', languages: ['en'] } as Manifest,
  records: [
    record({ id: 'hub', kind: 'event', relations: [{ type: 'destination', target: 'place-a' }] }),
    record({ id: 'place-a', kind: 'place' }),
    record({ id: 'source-b', kind: 'source', relations: [{ type: 'about', target: 'hub' }] }),
    ...Array.from({ length: 50 }, (_, i) => record({ id: `bystander-${i}`, kind: 'person' })),
  ],
  bibliography: [],
  texts: [{ id: 'intro', title: 'Intro', language: 'en', markdown: '# A long body' }],
  integrity: { findings: [] } as unknown as LoadedCollection['integrity'],
};

function fakeApi() {
  const calls: string[] = [];
  const answering = withRecordChannels((async (channel: string, request: { collectionId?: string }) => {
    if (channel === 'collections.list') {
      return { ok: true, value: [{ id: 'test-big', title: 'Test big', revision: 'r', recordCount: 53 }] };
    }
    if (channel === 'collections.get' && request.collectionId === 'test-big')
      return { ok: true, value: collection };
    return { ok: false, error: { code: 'collection-not-found', message: 'no such collection' } };
  }) as unknown as Invoke);
  const invoke = ((channel: string, request: unknown) => {
    calls.push(channel);
    return (answering as (c: string, r: unknown) => Promise<unknown>)(channel, request);
  }) as Invoke;
  return { api: createApi(invoke), calls };
}

describe('record slices', () => {
  it('holds the record and the records its page names, never the rest of the collection', async () => {
    const { api, calls } = fakeApi();
    const slice = await fetchRecordSlice(api, 'test-big', 'hub');
    if (!slice.ok) throw new Error(slice.error.message);
    expect(slice.value.records.map((r) => r.id)).toEqual(['hub', 'source-b', 'place-a']);
    expect(slice.value.manifest.id).toBe('test-big');
    expect(calls).not.toContain('collections.get');
  });

  it('answers an unknown record with an empty slice (the page says it is missing), and a missing collection with its error', async () => {
    const { api } = fakeApi();
    const missing = await fetchRecordSlice(api, 'test-big', 'no-such-record');
    expect(missing.ok && missing.value.records).toEqual([]);
    const gone = await fetchRecordSlice(api, 'gone', 'hub');
    expect(gone).toMatchObject({ ok: false, error: { code: 'collection-not-found' } });
  });

  it('names note targets from only the records the notes name, and texts without their bodies', async () => {
    const { api, calls } = fakeApi();
    const sources = await fetchTargetSources(api, [
      { kind: 'record', collectionId: 'test-big', recordId: 'bystander-3' },
      { kind: 'record', collectionId: 'test-big', recordId: 'deleted-record' },
      { kind: 'passage', collectionId: 'test-big', textId: 'intro' } as never,
    ]);
    if (!sources.ok) throw new Error(sources.error.message);
    const slice = sources.value.get('test-big');
    expect(slice?.records.map((r) => r.id)).toEqual(['bystander-3']);
    expect(slice?.texts).toEqual([{ id: 'intro', title: 'Intro', language: 'en' }]);
    expect(calls).not.toContain('collections.get');
  });
});
