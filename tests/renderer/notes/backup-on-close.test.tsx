import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { parseBackup } from '@shared/notes/backup';
import { BackupScheduler } from '../../../src/renderer/src/notes/backup-scheduler';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { useAutosave } from '../../../src/renderer/src/notes/use-autosave';
import { sampleNote } from '../../shared/notes/arbitraries';
import { freshDatabase } from './fixtures';

function setup() {
  const { db } = freshDatabase();
  const repository = new NotesRepository(db);
  const writes: Array<{ json: string; reason: string }> = [];
  const invoke = vi.fn(async (channel: string, request: unknown) => {
    if (channel !== 'backups.write') return { ok: true, value: { folder: '/b', backups: [] } };
    writes.push(request as { json: string; reason: string });
    return {
      ok: true,
      value: { written: true, file: { name: 'notes-x.json', createdAt: '', bytes: 1, notes: 1 } },
    };
  }) as unknown as Invoke;
  let closeListener: (() => Promise<void> | void) | null = null;
  const api = createApi(invoke, undefined, (listener) => {
    closeListener = listener;
    return () => {
      closeListener = null;
    };
  });
  const scheduler = new BackupScheduler(api, repository);
  return {
    repository,
    scheduler,
    writes,
    close: async () => {
      if (!closeListener) throw new Error('the scheduler did not subscribe to the window closing');
      await closeListener();
    },
    subscribed: () => closeListener !== null,
  };
}

const draftOf = (body: string) => {
  const { id, target, tags, colour } = sampleNote({ id: 'closing-note' });
  return { id, target, body, tags, colour };
};

describe('final backup when the window closes (Electron)', () => {
  it('saves the draft still waiting for autosave, then writes a "final" backup holding it', async () => {
    const { repository, scheduler, writes, close } = setup();
    scheduler.start();
    await vi.waitFor(async () => expect((await repository.changeState()).revision).toBe(0));
    const { result } = renderHook(() =>
      useAutosave((body: string) => repository.save(draftOf(body)).then(() => undefined), 60_000),
    );
    act(() => result.current.change('typed one second before closing'));
    expect(await repository.all()).toEqual([]); // not saved yet: the autosave delay has not passed

    await act(close);

    expect((await repository.all()).map((note) => note.body)).toEqual(['typed one second before closing']);
    const final = writes.filter((write) => write.reason === 'final');
    expect(final).toHaveLength(1);
    const parsed = parseBackup(final[0]?.json ?? '');
    expect(parsed.ok && parsed.backup.notes.map((note) => note.body)).toEqual([
      'typed one second before closing',
    ]);
    const state = await repository.changeState();
    expect(state.backedUpRevision).toBe(state.revision);
    scheduler.stop();
  });

  it('writes nothing when every change is already backed up, and still lets the window close', async () => {
    const { repository, scheduler, writes, close } = setup();
    await repository.save(draftOf('old'));
    await scheduler.backUp('manual');
    writes.length = 0;
    scheduler.start();
    await close();
    expect(writes.filter((write) => write.reason === 'final')).toEqual([]);
    scheduler.stop();
  });

  it('never throws into the close path when storage fails, and reports the failure', async () => {
    const { repository, scheduler, close } = setup();
    vi.spyOn(repository, 'changeState').mockRejectedValue(new Error('QuotaExceededError'));
    const outcomes: unknown[] = [];
    scheduler.onOutcome((outcome) => outcomes.push(outcome));
    scheduler.start();
    await expect(close()).resolves.toBeUndefined();
    expect(outcomes).toContainEqual(expect.objectContaining({ ok: false, message: 'QuotaExceededError' }));
    scheduler.stop();
  });

  it('unsubscribes when stopped', () => {
    const { scheduler, subscribed } = setup();
    scheduler.start();
    expect(subscribed()).toBe(true);
    scheduler.stop();
    expect(subscribed()).toBe(false);
  });
});
