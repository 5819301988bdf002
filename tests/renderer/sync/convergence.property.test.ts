/**
 * The sync property: random interleavings of edits, trash, restores, purges, decisions, photo item
 * edits, item link additions and removals, saved searches saved, renamed and removed, and conflict resolutions on two machines, with random one-way sync points, converge to the same state once both
 * have exchanged everything — and no text is lost: every body ever saved is still shown, kept as a
 * conflict revision, or was knowingly replaced (by its author's next edit, a purge or a resolution),
 * and every link ever added is still there unless someone removed it.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import PouchDB from 'pouchdb-browser';
import { must } from '../../shared/notes/arbitraries';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/notes/model';
import { conflictTexts, itemText } from '@shared/sync/conflicts';
import { ItemLinksRepository } from '../../../src/renderer/src/photos/item-links-repository';
import {
  createSearchHistory,
  openSearchHistoryDb,
  type SearchHistory,
} from '../../../src/renderer/src/search/history';
import { draft, exchange, machine, photoRef, type Machine } from './fixtures';

const NOTE_IDS = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
];
const PAIRS: Array<[string, string]> = [
  ['c/p-1', 'd/p-9'],
  ['c/p-2', 'd/p-8'],
];

type Op =
  | { op: 'save' | 'trash' | 'restore' | 'purge'; side: 0 | 1; note: number }
  | { op: 'decide'; side: 0 | 1; pair: number; kind: 'same' | 'different' | 'unsure' }
  | { op: 'item'; side: 0 | 1; item: number; field: 'title' | 'delo' | 'transcription' }
  | { op: 'link'; side: 0 | 1; item: number; record: number; remove: boolean }
  | { op: 'search'; side: 0 | 1; query: number; remove: boolean }
  | { op: 'send'; side: 0 | 1 }
  | { op: 'resolve'; side: 0 | 1; merge: boolean };

const side = fc.constantFrom(0 as const, 1 as const);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('save' as const), side, note: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('trash' as const, 'restore' as const, 'purge' as const),
      side,
      note: fc.nat(2),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('decide' as const),
      side,
      pair: fc.nat(1),
      kind: fc.constantFrom('same' as const, 'different' as const, 'unsure' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('item' as const),
      side,
      item: fc.nat(1),
      field: fc.constantFrom('title' as const, 'delo' as const, 'transcription' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('link' as const),
      side,
      item: fc.nat(1),
      record: fc.nat(1),
      remove: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('search' as const),
      side,
      query: fc.nat(1),
      remove: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('send' as const), side }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('resolve' as const), side, merge: fc.boolean() }) },
);

const QUERIES = ['Vesna 1948', 'Priboi 1949'];
let historyCounter = 0;
/** Saved searches by query, without the local auto-numbered id (it differs between machines). */
const savedOf = async (history: SearchHistory) =>
  (await history.listSaved())
    .map(({ query, name, createdAt }) => ({ query, name, createdAt }))
    .sort((x, y) => (x.query < y.query ? -1 : 1));

async function state(m: Machine) {
  const notes = (await m.notes.all()).sort((x, y) => (x.id < y.id ? -1 : 1));
  const decisions = (await m.decisions.all()).sort((x, y) => (x.a < y.a ? -1 : 1));
  const items = await m.items.all();
  const links = (await m.db.itemLinks.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
  const conflicts = (await m.db.syncConflicts.toArray()).sort((x, y) => (x.docId < y.docId ? -1 : 1));
  return { notes, decisions, items, links, conflicts };
}

async function run(ops: readonly Op[], pushOnWrite: boolean) {
  const historyDbs = [0, 1].map(() => openSearchHistoryDb(`convergence-history-${++historyCounter}`));
  const machines = [
    machine('Ona', '2026-12-01T10:00:00.000Z', pushOnWrite, historyDbs[0]),
    machine('Jonas', '2026-12-01T10:00:00.500Z', pushOnWrite, historyDbs[1]),
  ] as const;
  const histories = machines.map((m, index) =>
    createSearchHistory(must(historyDbs[index]), () => Date.parse('2026-12-01T10:00:00.000Z') + index),
  );
  const saved = new Set<string>();
  const replaced = new Set<string>();
  const linked = new Set<string>();
  const unlinked = new Set<string>();
  let counter = 0;
  // Two items both machines hold before the random steps (an item is created on one machine only).
  const items = await machines[0].items.create([
    { title: 'item 0', photos: [photoRef(1)] },
    { title: 'item 1', photos: [photoRef(2), photoRef(3)] },
  ]);
  await exchange(machines[0], machines[1]);
  for (const step of ops) {
    const m = machines[step.side];
    m.advance(137);
    if (step.op === 'send') {
      await m.bridge.sync();
      const other = machines[step.side === 0 ? 1 : 0];
      await PouchDB.replicate(m.replica, other.replica);
      await other.bridge.sync();
      continue;
    }
    if (step.op === 'decide') {
      const [a, b] = must(PAIRS[step.pair]);
      await m.decisions.decide({ a, b, decision: step.kind, score: null });
      continue;
    }
    if (step.op === 'item') {
      const item = must(items[step.item]);
      const current = must(await m.items.get(item.id));
      replaced.add(itemText(current));
      const value = `${m.author} ${++counter}`;
      const next = await m.items.update(
        item.id,
        step.field === 'title'
          ? { title: value }
          : step.field === 'delo'
            ? { metadata: { ...current.metadata, delo: value } }
            : { fields: [{ name: 'Transcription', value }] },
      );
      saved.add(itemText(next));
      continue;
    }
    if (step.op === 'link') {
      const itemId = must(items[step.item]).id;
      const recordId = `p-${step.record}`;
      const repository = new ItemLinksRepository(m.db, () => new Date(Date.parse('2026-12-01T11:00:00Z')));
      if (step.remove) {
        const here = await m.db.itemLinks.where('itemId').equals(itemId).toArray();
        const link = here.find((row) => row.recordId === recordId);
        if (link) {
          unlinked.add(link.id);
          await repository.remove(link.id);
        }
      } else {
        const link = await repository.add({
          itemId,
          photo: null,
          collectionId: 'c',
          recordId,
          recordTitle: `Record ${step.record}`,
        });
        linked.add(link.id);
      }
      continue;
    }
    if (step.op === 'search') {
      const history = must(histories[step.side]);
      const query = must(QUERIES[step.query]);
      const current = (await history.listSaved()).find((entry) => entry.query === query);
      if (current) replaced.add(`${current.name}\n${query}`);
      if (step.remove) {
        if (current) await history.removeSaved(current.id);
      } else {
        const name = `${m.author} ${++counter}`;
        saved.add(`${name}\n${query}`);
        await history.save(query, name);
      }
      continue;
    }
    if (step.op === 'resolve') {
      const [conflict] = await m.db.syncConflicts
        .where('kind')
        .anyOf('note', 'item', 'savedsearch')
        .toArray();
      if (!conflict) continue;
      for (const text of conflictTexts(conflict)) replaced.add(text);
      // Items are resolved by keeping one version; notes also by merging the text by hand.
      const merge = step.merge && conflict.kind === 'note';
      const body = `merged ${++counter}`;
      if (merge) saved.add(body);
      await m.bridge.resolve(conflict.docId, merge ? { body } : { rev: conflict.winner.rev });
      continue;
    }
    const id = must(NOTE_IDS[step.note]);
    const current = await m.notes.get(id);
    if (step.op === 'save') {
      if (current) replaced.add(current.body);
      const body = `${m.author} ${++counter}`;
      saved.add(body);
      await m.notes.save(draft(id, body));
    } else if (step.op === 'trash') await m.notes.moveToTrash(id);
    else if (step.op === 'restore') await m.notes.restore(id);
    else if (current?.deletedAt) {
      replaced.add(current.body);
      await m.notes.purge([id]);
    }
  }
  const [a, b] = machines;
  await exchange(a, b);
  await exchange(a, b);
  const onA = await state(a);
  const onB = await state(b);
  expect(canonicalJson(onB)).toBe(canonicalJson(onA));
  const searchesOnA = await savedOf(must(histories[0]));
  expect(await savedOf(must(histories[1]))).toEqual(searchesOnA);
  const kept = new Set([
    ...searchesOnA.map((entry) => `${entry.name}\n${entry.query}`),
    ...onA.notes.map((note) => note.body),
    ...onA.items.map(itemText),
    ...onA.conflicts.filter((c) => c.kind !== 'decision').flatMap(conflictTexts),
  ]);
  const lost = [...saved].filter((body) => !kept.has(body) && !replaced.has(body));
  expect(lost).toEqual([]);
  const linksKept = new Set(onA.links.map((link) => link.id));
  expect([...linked].filter((id) => !linksKept.has(id) && !unlinked.has(id))).toEqual([]);
  // The replicas agree too: same winners, same open conflicts.
  const docs = async (m: Machine) =>
    (await m.replica.allDocs({ include_docs: true, conflicts: true })).rows.map((row) => [
      row.id,
      row.value.rev,
      (row.doc as { _conflicts?: string[] } | undefined)?._conflicts ?? [],
    ]);
  expect(await docs(b)).toEqual(await docs(a));
}

describe('sync convergence (property)', () => {
  it('converges with no lost revision under random edits and sync points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArbitrary, { minLength: 1, maxLength: 24 }),
        // Off: local edits wait for the next sync, so teammates' revisions often arrive first.
        fc.boolean(),
        (ops, pushOnWrite) => run(ops, pushOnWrite),
      ),
      { numRuns: 40, seed: 1207, endOnFailure: true },
    );
  }, 240_000);
});
