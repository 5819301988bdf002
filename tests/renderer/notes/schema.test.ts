import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_STEPS, CURRENT_SCHEMA_VERSION, type SchemaStep } from '../../../src/renderer/src/notes/db';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { canonicalJson, targetKey, type Note } from '@shared/notes/model';
import { must, notesArbitrary } from '../../shared/notes/arbitraries';
import { freshDatabase, openExisting, SHIPPED_STEPS } from './fixtures';

const sortById = (notes: Note[]) => [...notes].sort((a, b) => (a.id < b.id ? -1 : 1)).map(canonicalJson);

/** Writes notes the way the app of that schema version stored them. */
async function seed(steps: readonly SchemaStep[], notes: Note[]) {
  const { indexedDB, db } = freshDatabase(steps);
  await db.notes.bulkPut(notes.map((note) => ({ ...note, targetKey: targetKey(note.target) })));
  db.close();
  return indexedDB;
}

describe('notes database schema', () => {
  it('ships exactly the frozen steps, so a shipped step is never edited in place', () => {
    expect(SCHEMA_STEPS.map(({ version, stores }) => ({ version, stores }))).toEqual(
      SHIPPED_STEPS.map(({ version, stores }) => ({ version, stores })),
    );
    expect(CURRENT_SCHEMA_VERSION).toBe(5);
  });

  it('keeps every note when a database of any earlier shipped version is opened (property)', async () => {
    for (let shipped = 1; shipped <= SHIPPED_STEPS.length; shipped++) {
      await fc.assert(
        fc.asyncProperty(notesArbitrary, async (notes) => {
          const indexedDB = await seed(SHIPPED_STEPS.slice(0, shipped), notes);
          const db = openExisting(indexedDB);
          const repository = new NotesRepository(db);
          expect(sortById(await repository.all())).toEqual(sortById(notes));
          expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
          db.close();
        }),
        { numRuns: 15 },
      );
    }
  });

  it('upgrades a version-1 database to hold decisions beside every note it had', async () => {
    const notes = must(
      fc.sample(
        notesArbitrary.filter((list) => list.length > 0),
        1,
      )[0],
    );
    const indexedDB = await seed(SHIPPED_STEPS.slice(0, 1), notes);
    const db = openExisting(indexedDB);
    const decisions = new DecisionsRepository(db);
    await decisions.decide({ a: 'c/2', b: 'c/1', decision: 'same', score: 20 });
    db.close();
    const again = openExisting(indexedDB);
    expect(sortById(await new NotesRepository(again).all())).toEqual(sortById(notes));
    expect(await new DecisionsRepository(again).all()).toMatchObject([{ a: 'c/1', b: 'c/2' }]);
    again.close();
  });

  it('runs a future step’s upgrade over every note and keeps them all (the migration mechanism)', async () => {
    const notes = must(
      fc.sample(
        notesArbitrary.filter((list) => list.length > 3),
        1,
      )[0],
    );
    const indexedDB = await seed(SHIPPED_STEPS, notes);
    // The next version as a later release might write it: a new compound index and a data step.
    const future: SchemaStep[] = [
      ...SHIPPED_STEPS,
      {
        version: CURRENT_SCHEMA_VERSION + 1,
        stores: {
          notes:
            'id, targetKey, target.collectionId, target.kind, createdAt, updatedAt, deletedAt, *tags, [targetKey+updatedAt]',
        },
        upgrade: async (tx) => {
          await tx
            .table('notes')
            .toCollection()
            .modify((row: Record<string, unknown>) => {
              row['migratedBy'] = 3;
            });
        },
      },
    ];
    const db = openExisting(indexedDB, future);
    const rows = await db.notes.toArray();
    expect(rows).toHaveLength(notes.length);
    expect(rows.every((row) => (row as unknown as { migratedBy: number }).migratedBy === 3)).toBe(true);
    const first = must(notes[0]);
    expect(
      await db.notes
        .where('[targetKey+updatedAt]')
        .equals([targetKey(first.target), first.updatedAt])
        .count(),
    ).toBeGreaterThan(0);
    const { migratedBy: _m, ...stripped } = rows.find((row) => row.id === first.id) as unknown as Note & {
      migratedBy: number;
      targetKey: string;
    };
    const { targetKey: _k, ...asNote } = stripped;
    expect(canonicalJson(asNote)).toBe(canonicalJson(first));
    db.close();
  });

  it('opens a database a newer app version upgraded without losing or changing anything', async () => {
    const notes = must(
      fc.sample(
        notesArbitrary.filter((list) => list.length > 0),
        1,
      )[0],
    );
    const newer: SchemaStep[] = [...SHIPPED_STEPS, { version: 6, stores: { extra: 'id' } }];
    const indexedDB = await seed(newer, notes);
    // Dexie 4 opens a higher installed version as it is (no VersionError), keeping its other stores.
    const repository = new NotesRepository(openExisting(indexedDB));
    expect(sortById(await repository.all())).toEqual(sortById(notes));
    repository.db.close();
    const again = openExisting(indexedDB, newer);
    expect(again.verno).toBe(6);
    expect(await again.notes.count()).toBe(notes.length);
    expect(again.tables.map((table) => table.name).sort()).toEqual([
      'decisions',
      'extra',
      'itemLinks',
      'items',
      'meta',
      'notes',
      'syncConflicts',
      'syncDocs',
      'syncState',
    ]);
    again.close();
  });
});
