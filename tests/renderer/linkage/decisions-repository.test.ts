import { describe, expect, it } from 'vitest';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { freshDatabase } from '../notes/fixtures';

function setup(start = '2026-12-07T19:00:00.000Z') {
  let clock = Date.parse(start);
  const { db } = freshDatabase();
  const now = () => new Date(clock);
  return {
    db,
    decisions: new DecisionsRepository(db, now),
    notes: new NotesRepository(db, now),
    advance: (ms: number) => (clock += ms),
  };
}

describe('decisions repository', () => {
  it('stores a pair with a < b whichever order it was given in, one decision per pair', async () => {
    const { decisions } = setup();
    const stored = await decisions.decide({ a: 'lists/2', b: 'lists/1', decision: 'same', score: 17.5 });
    expect(stored).toEqual({
      a: 'lists/1',
      b: 'lists/2',
      decision: 'same',
      score: 17.5,
      note: '',
      created: '2026-12-07T19:00:00.000Z',
      updated: '2026-12-07T19:00:00.000Z',
    });
    await decisions.decide({ a: 'lists/1', b: 'lists/2', decision: 'unsure', score: 17.5 });
    expect(await decisions.all()).toHaveLength(1);
  });

  it('keeps `created` and moves `updated` on when a pair is decided again, even if the clock went back', async () => {
    const { decisions, advance } = setup();
    const first = await decisions.decide({ a: 'x/1', b: 'y/1', decision: 'same', score: 20 });
    advance(60_000);
    const second = await decisions.decide({
      a: 'y/1',
      b: 'x/1',
      decision: 'different',
      score: null,
      note: 'born in another village',
    });
    expect(second).toMatchObject({
      created: first.created,
      updated: '2026-12-07T19:01:00.000Z',
      decision: 'different',
      score: null,
      note: 'born in another village',
    });
    advance(-3_600_000);
    const third = await decisions.decide({ a: 'x/1', b: 'y/1', decision: 'same', score: 20 });
    expect(third.updated > second.updated).toBe(true);
    expect(third.created).toBe(first.created);
    expect(await decisions.all()).toEqual([third]);
  });

  it('finds the decisions naming a record on either side', async () => {
    const { decisions } = setup();
    await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 15 });
    await decisions.decide({ a: 'c/1', b: 'a/1', decision: 'different', score: 3 });
    await decisions.decide({ a: 'b/1', b: 'c/1', decision: 'unsure', score: 9 });
    const pairs = (await decisions.forRecord('a/1')).map((d) => `${d.a}+${d.b}`).sort();
    expect(pairs).toEqual(['a/1+b/1', 'a/1+c/1']);
    expect(await decisions.forRecord('z/9')).toEqual([]);
  });

  it('undoes a decision in either order and answers null when there was none', async () => {
    const { decisions } = setup();
    const stored = await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 15 });
    expect(await decisions.undo('b/1', 'a/1')).toEqual(stored);
    expect(await decisions.all()).toEqual([]);
    expect(await decisions.undo('a/1', 'b/1')).toBeNull();
  });

  it('refuses to link a record to itself, writing nothing', async () => {
    const { decisions } = setup();
    await expect(decisions.decide({ a: 'a/1', b: 'a/1', decision: 'same', score: null })).rejects.toThrow(
      /itself/,
    );
    expect(await decisions.all()).toEqual([]);
  });

  it('refuses a decision a backup could not hold, so automatic backups never stop', async () => {
    const { decisions, notes } = setup();
    await expect(
      decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 1, note: 'x'.repeat(100_001) }),
    ).rejects.toThrow(/not saved: note: must be at most 100000 characters/);
    await expect(decisions.decide({ a: 'a/\u0007', b: 'b/1', decision: 'same', score: 1 })).rejects.toThrow(
      /a: must not contain control characters/,
    );
    await expect(
      decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: Number.NaN }),
    ).rejects.toThrow(/score/);
    expect(await decisions.all()).toEqual([]);
    expect((await notes.changeState()).revision).toBe(0);
    const { json } = await notes.exportBackup();
    expect(json).toContain('"decisions": []');
  });

  it('fires `changes` after every write, and the write is visible when it fires', async () => {
    const { decisions } = setup();
    const seen: number[] = [];
    const stop = decisions.changes.subscribe(() => {
      void decisions.all().then((all) => seen.push(all.length));
    });
    await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 15 });
    await decisions.decide({ a: 'a/1', b: 'c/1', decision: 'same', score: 15 });
    await decisions.undo('a/1', 'b/1');
    expect(decisions.changes.version()).toBe(3);
    await decisions.all();
    expect(seen).toEqual([1, 2, 1]);
    stop();
  });

  it('bumps the change revision the automatic backups watch, and leaves notes alone', async () => {
    const { decisions, notes } = setup();
    expect((await notes.changeState()).revision).toBe(0);
    await decisions.decide({ a: 'a/1', b: 'b/1', decision: 'same', score: 15 });
    await decisions.undo('a/1', 'b/1');
    expect((await notes.changeState()).revision).toBe(2);
    expect(await notes.all()).toEqual([]);
  });
});
