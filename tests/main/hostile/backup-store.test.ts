/**
 * The automatic-backup store under hostile input and failing disks: whatever it is given and wherever
 * a write fails (short write, fsync error, rename error), the folder only ever holds complete, valid
 * backups, never a temporary or half-written file, and bad input is refused with a clear error.
 */
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackupStore } from '../../../src/main/backups/backup-store';
import { createBackupHandlers } from '../../../src/main/backups/handlers';
import { noSaveDialog } from '../../../src/main/backups/save-file';
import { dispatch, HandlerError } from '../../../src/main/ipc/dispatch';
import { parseBackup, serializeBackup } from '@shared/notes/backup';
import { notesArbitrary } from '../../shared/notes/arbitraries';
import { nastyString, nastyValue } from '../../shared/hostile/payloads';
import type { Fault } from '../../support/faulty-fs';

const faults = vi.hoisted(() => ({ next: 'none' as Fault }));

// Fault injection under the atomic writer (tests/support/faulty-fs.ts).
vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('../../support/faulty-fs')).faultyFs(await importOriginal(), faults),
);

async function folderState(folder: string) {
  const names = await readdir(folder).catch(() => [] as string[]);
  const contents = new Map<string, string>();
  for (const name of names) contents.set(name, await readFile(join(folder, name), 'utf8'));
  return contents;
}

describe('backup store under hostile input and failing disks', () => {
  it('only ever holds complete valid backups, whatever is sent and wherever a write fails', async () => {
    const input = fc.oneof(
      {
        weight: 2,
        arbitrary: notesArbitrary.map((notes) => ({
          kind: 'valid' as const,
          json: serializeBackup(notes, new Date()),
        })),
      },
      { weight: 1, arbitrary: nastyString.map((json) => ({ kind: 'nasty' as const, json })) },
      {
        weight: 1,
        arbitrary: nastyValue.map((value) => ({ kind: 'nasty' as const, json: JSON.stringify(value) ?? '' })),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            input,
            fault: fc.constantFrom<Fault>('none', 'none', 'short-write', 'sync', 'rename'),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (steps) => {
          const folder = join(await mkdtemp(join(tmpdir(), 'atmintis-hostile-backups-')), 'backups');
          let clock = Date.parse('2026-11-28T18:00:00.000Z');
          const store = createBackupStore({ folder, now: () => new Date(clock) });
          for (const { input: step, fault } of steps) {
            clock += 10_000;
            const before = await folderState(folder);
            faults.next = fault;
            let outcome: 'written' | 'refused' | 'failed';
            try {
              const result = await store.write(step.json, 'manual');
              outcome = result.written ? 'written' : 'refused';
            } catch (error) {
              outcome = error instanceof HandlerError ? 'refused' : 'failed';
              if (error instanceof HandlerError) {
                expect(error.code).toBe('invalid-backup');
                expect(error.message.length).toBeLessThan(2500);
              }
            } finally {
              faults.next = 'none';
            }
            const after = await folderState(folder);
            for (const [name, text] of after) {
              expect(name).toMatch(/^notes-.*Z(-\d+)?\.json$/); // no temporary leftovers
              expect(parseBackup(text).ok).toBe(true);
            }
            if (outcome !== 'written') expect(after).toEqual(before); // nothing half-done
            if (step.kind === 'valid' && fault === 'none') expect(outcome).toBe('written');
            if (step.kind === 'valid' && fault !== 'none') expect(outcome).toBe('failed');
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses to read a 1 GB file named like a backup, from its size, without reading it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atmintis-hostile-backups-'));
    const name = 'notes-2026-11-28T18-00-00Z.json';
    await writeFile(join(folder, name), '');
    await truncate(join(folder, name), 1024 ** 3); // sparse: takes no disk space
    const handlers = createBackupHandlers({ store: createBackupStore({ folder }), saveFile: noSaveDialog });
    const all = { ...handlers } as never;
    expect(await dispatch(all, 'backups.read', { name })).toEqual({
      ok: false,
      error: { code: 'backup-too-large', message: `The backup "${name}" is too large (1073741824 bytes)` },
    });
    expect(await dispatch(all, 'backups.list', {})).toMatchObject({
      ok: true,
      value: { backups: [{ name, bytes: 1024 ** 3, notes: -1 }] },
    });
  });

  it('refuses names that are not automatic backups before touching the disk', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atmintis-hostile-backups-'));
    const handlers = createBackupHandlers({ store: createBackupStore({ folder }), saveFile: noSaveDialog });
    await fc.assert(
      fc.asyncProperty(nastyString, async (name) => {
        const result = await dispatch(handlers as never, 'backups.read', { name });
        expect(result.ok).toBe(false);
        expect(!result.ok && ['invalid-arguments', 'backup-not-found'].includes(result.error.code)).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });
});
