import { must } from '../../shared/notes/arbitraries';
import { describe, expect, it } from 'vitest';
import { conflictTexts } from '@shared/sync/conflicts';
import { draft, exchange, machine } from './fixtures';

const NOTE = '0b7f5c1e-2d3a-4f6b-8c9d-0e1f2a3b4c5d';
const A_REC = 'lt-deportations-1940-1953/p-1';
const B_REC = 'my-registry/p-7';

describe('sync bridge', () => {
  it('carries a note written on one machine to the other, with its author', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'Checked the 1948 figure against the source.'));
    await exchange(a, b);
    expect((await b.notes.get(NOTE))?.body).toBe('Checked the 1948 figure against the source.');
    expect((await b.db.syncDocs.get(`note:${NOTE}`))?.author).toBe('Ona');
    expect(await b.db.syncConflicts.count()).toBe(0);
  });

  it('pushes notes written before sync existed on the first sync (reconcile)', async () => {
    const a = machine('Ona');
    a.bridge.stop();
    await a.notes.save(draft(NOTE, 'written before sync'));
    const { SyncBridge } = await import('../../../src/renderer/src/sync/bridge');
    const fresh = new SyncBridge(a.db, a.replica, { author: () => 'Ona' });
    await fresh.sync();
    expect(((await a.replica.get(`note:${NOTE}`)) as unknown as { note: { body: string } }).note.body).toBe(
      'written before sync',
    );
  });

  it('keeps both texts when the same note is edited on two machines while apart', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'first'));
    await exchange(a, b);
    a.advance();
    b.advance(2000);
    await a.notes.save(draft(NOTE, 'Ona’s version'));
    await b.notes.save(draft(NOTE, 'Jonas’s version'));
    await exchange(a, b);
    const onA = await a.db.syncConflicts.toArray();
    const onB = await b.db.syncConflicts.toArray();
    expect(onA).toHaveLength(1);
    expect(onB).toEqual(onA);
    const conflict = must(onA[0]);
    expect(conflictTexts(conflict).sort()).toEqual(['Jonas’s version', 'Ona’s version']);
    expect((await a.notes.get(NOTE))?.body).toBe((await b.notes.get(NOTE))?.body);
    expect([conflict.winner.author, conflict.losers[0]?.author].sort()).toEqual(['Jonas', 'Ona']);
  });

  it('resolves a conflict by hand on one machine and closes it on both', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'first'));
    await exchange(a, b);
    await a.notes.save(draft(NOTE, 'left'));
    await b.notes.save(draft(NOTE, 'right'));
    await exchange(a, b);
    const conflict = must(await a.db.syncConflicts.get(`note:${NOTE}`));
    await a.bridge.resolve(conflict.docId, { body: 'left and right' });
    await exchange(a, b);
    for (const side of [a, b]) {
      expect((await side.notes.get(NOTE))?.body).toBe('left and right');
      expect(await side.db.syncConflicts.count()).toBe(0);
    }
    expect((await a.replica.get(`note:${NOTE}`, { conflicts: true }))._conflicts).toBeUndefined();
  });

  it('keeps the chosen revision with "Keep this"', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'first'));
    await exchange(a, b);
    await a.notes.save(draft(NOTE, 'left'));
    await b.notes.save(draft(NOTE, 'right'));
    await exchange(a, b);
    const conflict = must(await b.db.syncConflicts.get(`note:${NOTE}`));
    const loser = must(conflict.losers[0]);
    await b.bridge.resolve(conflict.docId, { rev: loser.rev });
    await exchange(a, b);
    const expected = loser.content.type === 'note' ? loser.content.note.body : '';
    expect((await a.notes.get(NOTE))?.body).toBe(expected);
    expect(await a.db.syncConflicts.count()).toBe(0);
  });

  it('moves a note to the trash on every machine, and restores it everywhere', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'to be trashed'));
    await exchange(a, b);
    await b.notes.moveToTrash(NOTE);
    await exchange(a, b);
    expect((await a.notes.get(NOTE))?.deletedAt).not.toBeNull();
    expect((await a.notes.trash()).map((note) => note.id)).toEqual([NOTE]);
    await a.notes.restore(NOTE);
    await exchange(a, b);
    expect((await b.notes.get(NOTE))?.deletedAt).toBeNull();
  });

  it('lets an edit made elsewhere win over a purge, so no text is lost', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'old'));
    await a.notes.moveToTrash(NOTE);
    await exchange(a, b);
    await a.notes.purge([NOTE]);
    await b.notes.restore(NOTE);
    await b.notes.save(draft(NOTE, 'kept by Jonas'));
    await exchange(a, b);
    expect((await a.notes.get(NOTE))?.body).toBe('kept by Jonas');
    expect((await b.notes.get(NOTE))?.body).toBe('kept by Jonas');
  });

  it('purges everywhere when nobody else touched the note', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'old'));
    await a.notes.moveToTrash(NOTE);
    await exchange(a, b);
    await a.notes.purge([NOTE]);
    await exchange(a, b);
    expect(await b.notes.get(NOTE)).toBeUndefined();
  });

  it('shows a same-as decision contradicted by a teammate as a disagreement with both authors', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.decisions.decide({ a: A_REC, b: B_REC, decision: 'same', score: 12 });
    b.advance(5000);
    await b.decisions.decide({ a: A_REC, b: B_REC, decision: 'different', score: 12 });
    await exchange(a, b);
    const [onA] = await a.db.syncConflicts.toArray();
    expect(onA?.disagreement).toBe(true);
    expect(onA?.kind).toBe('decision');
    const kinds = [must(onA).winner, ...must(onA).losers].map((revision) =>
      revision.content.type === 'decision' ? `${revision.author}:${revision.content.decision.decision}` : '',
    );
    expect(kinds.sort()).toEqual(['Jonas:different', 'Ona:same']);
    expect(await b.db.syncConflicts.toArray()).toEqual([onA]);
  });

  it('tells the decisions’ watchers when a teammate’s decision arrives', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    const before = b.decisions.changes.version();
    await a.decisions.decide({ a: A_REC, b: B_REC, decision: 'same', score: 12 });
    await exchange(a, b);
    expect(b.decisions.changes.version()).toBeGreaterThan(before);
    expect((await b.decisions.all()).map((d) => d.decision)).toEqual(['same']);
  });

  it('closes a "conflict" silently when both machines made the same decision', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.decisions.decide({ a: A_REC, b: B_REC, decision: 'same', score: 3 });
    b.advance(5000);
    await b.decisions.decide({ a: A_REC, b: B_REC, decision: 'same', score: 3 });
    await exchange(a, b);
    await exchange(a, b);
    expect(await a.db.syncConflicts.count()).toBe(0);
    expect(await b.db.syncConflicts.count()).toBe(0);
    expect((await a.decisions.all()).map((d) => d.decision)).toEqual(['same']);
  });

  it('counts applied changes for the automatic backups', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'x'));
    const before = (await b.notes.changeState()).revision;
    await exchange(a, b);
    expect((await b.notes.changeState()).revision).toBeGreaterThan(before);
  });

  it('refuses a teammate revision that is not valid Atmintis data, and says which', async () => {
    const a = machine('Ona');
    await a.replica.put({ _id: `note:${NOTE}`, type: 'note', author: 'X', note: { id: NOTE } } as never);
    await a.bridge.sync();
    expect(await a.notes.get(NOTE)).toBeUndefined();
    expect(a.bridge.problems.join('\n')).toMatch(new RegExp(`note:${NOTE}.*note ›`));
  });
});
