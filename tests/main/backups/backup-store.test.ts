import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createBackupStore, backupFileName } from '../../../src/main/backups/backup-store';
import { createBackupHandlers } from '../../../src/main/backups/handlers';
import { createDialogSaveFile, noSaveDialog } from '../../../src/main/backups/save-file';
import { createMainHandlers } from '../../../src/main/services';
import { serializeBackup } from '@shared/notes/backup';
import { must, sampleNote } from '../../shared/notes/arbitraries';
import { sampleDecision } from '../../shared/notes/decision-arbitraries';
import { testAppInfo } from '../../support/fake-handlers';

let folder: string;
let clock: number;
const now = () => new Date(clock);
const MINUTE = 60_000;
const backupJson = (body = 'a note') => serializeBackup([sampleNote({ body })], now());

beforeEach(async () => {
  folder = join(await mkdtemp(join(tmpdir(), 'atmintis-backups-')), 'backups');
  clock = Date.parse('2026-11-28T18:00:00.000Z');
});

describe('automatic backup store', () => {
  it('writes a named backup atomically, leaving no temporary file', async () => {
    const store = createBackupStore({ folder, now });
    const result = await store.write(backupJson(), 'scheduled');
    expect(result).toMatchObject({
      written: true,
      file: { name: 'notes-2026-11-28T18-00-00Z.json', notes: 1 },
    });
    expect(await readdir(folder)).toEqual(['notes-2026-11-28T18-00-00Z.json']);
    expect(await readFile(join(folder, 'notes-2026-11-28T18-00-00Z.json'), 'utf8')).toBe(backupJson());
  });

  it('writes scheduled backups at most every 5 minutes, final ones at once', async () => {
    const store = createBackupStore({ folder, now });
    await store.write(backupJson('1'), 'scheduled');
    clock += 4 * MINUTE;
    expect(await store.write(backupJson('2'), 'scheduled')).toEqual({
      written: false,
      retryAfter: '2026-11-28T18:05:00.000Z',
    });
    expect(await store.write(backupJson('3'), 'final')).toMatchObject({ written: true });
    clock += 5 * MINUTE;
    expect(await store.write(backupJson('4'), 'scheduled')).toMatchObject({ written: true });
    // Nor can anything flood the folder.
    expect(await store.write(backupJson('5'), 'manual')).toMatchObject({ written: false });
    expect((await store.list()).map((file) => file.name)).toEqual([
      'notes-2026-11-28T18-09-00Z.json',
      'notes-2026-11-28T18-04-00Z.json',
      'notes-2026-11-28T18-00-00Z.json',
    ]);
  });

  it('keeps the newest 20 and never touches other files in the folder', async () => {
    const store = createBackupStore({ folder, now });
    await store.write(backupJson(), 'manual');
    await writeFile(join(folder, 'my-own-notes.json'), 'precious');
    await writeFile(join(folder, 'notes-important.json'), 'also precious');
    for (let i = 0; i < 24; i++) {
      clock += 6 * MINUTE;
      await store.write(backupJson(String(i)), 'scheduled');
    }
    const files = await readdir(folder);
    expect(files.filter((name) => name.startsWith('notes-2026'))).toHaveLength(20);
    expect(files).toContain('my-own-notes.json');
    expect(files).toContain('notes-important.json');
    const listed = await store.list();
    expect(listed).toHaveLength(20);
    expect(must(listed[0]).name).toBe(backupFileName(now()));
  });

  it('gives two backups in the same second distinct names', async () => {
    const store = createBackupStore({ folder, now, minIntervalMs: 0 });
    await store.write(backupJson('a'), 'manual');
    clock += 300;
    await store.write(backupJson('b'), 'manual');
    expect((await store.list()).map((file) => file.name)).toEqual([
      'notes-2026-11-28T18-00-00Z-2.json',
      'notes-2026-11-28T18-00-00Z.json',
    ]);
  });

  it('refuses to store anything that is not a valid backup, writing nothing', async () => {
    const store = createBackupStore({ folder, now });
    await expect(store.write('{"hello": "world"}', 'manual')).rejects.toThrow(/not an Atmintis notes backup/);
    await expect(store.write(backupJson('x'.repeat(3000)), 'manual')).resolves.toMatchObject({
      written: true,
    });
    const small = createBackupStore({ folder: `${folder}-small`, now, maxChars: 1000 });
    await expect(small.write(backupJson('x'.repeat(3000)), 'manual')).rejects.toThrow(/too large/);
    await expect(readdir(`${folder}-small`)).rejects.toThrow(/ENOENT/);
  });

  it('counts the linkage decisions a backup holds, and refuses one with a corrupted decision', async () => {
    const store = createBackupStore({ folder, now });
    const decision = sampleDecision();
    const json = serializeBackup([sampleNote()], now(), [decision]);
    expect(await store.write(json, 'manual')).toMatchObject({
      written: true,
      file: { notes: 1, decisions: 1 },
    });
    expect(await store.list()).toMatchObject([{ notes: 1, decisions: 1 }]);
    clock += MINUTE;
    const corrupted = serializeBackup([sampleNote()], now(), [{ ...decision, decision: 'merged' } as never]);
    await expect(store.write(corrupted, 'manual')).rejects.toThrow(
      /Refusing to store the backup\. .*decisions\[0\] \(records "echelon-list\/17" and "settlement-register\/204"\) › decision/,
    );
    expect(await store.list()).toHaveLength(1);
  });

  it('reads only its own backups back', async () => {
    const store = createBackupStore({ folder, now });
    await store.write(backupJson(), 'manual');
    expect(await store.read('notes-2026-11-28T18-00-00Z.json')).toBe(backupJson());
    await expect(store.read('notes-2026-11-28T18-01-00Z.json')).rejects.toThrow(/no backup named/);
    await expect(store.read('../window-state.json')).rejects.toThrow(/not an automatic backup/);
  });
});

describe('backup and file channels', () => {
  it('validate names and contents at the contract before any handler runs', async () => {
    const handlers = createMainHandlers({
      resourcesDir: '/nonexistent',
      appInfo: { ...testAppInfo, dataDirectory: folder },
      openExternal: async () => false,
    });
    const traversal = await dispatch(handlers, 'backups.read', { name: '../../etc/passwd' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const pathName = await dispatch(handlers, 'files.save', {
      suggestedName: '../evil.md',
      content: 'x',
      encoding: 'utf8',
      mimeType: 'text/markdown',
    });
    expect(pathName).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const written = await dispatch(handlers, 'backups.write', { json: backupJson(), reason: 'manual' });
    expect(written).toMatchObject({ ok: true, value: { written: true } });
    const listed = await dispatch(handlers, 'backups.list', {});
    expect(listed).toMatchObject({
      ok: true,
      value: { folder: join(folder, 'backups'), backups: [{ notes: 1 }] },
    });
    const bad = await dispatch(handlers, 'backups.write', { json: '{}', reason: 'manual' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-backup' } });
    // Without a save dialog (the web harness), the renderer is told to download.
    const save = await dispatch(handlers, 'files.save', {
      suggestedName: 'notes.csv',
      content: 'a,b',
      encoding: 'utf8',
      mimeType: 'text/csv',
    });
    expect(save).toEqual({ ok: true, value: { saved: false, cancelled: false } });
  });

  it('saves through the dialog, decoding base64 and writing where the user chose', async () => {
    const target = join(folder, '..', 'chosen.zip');
    const saveFile = createDialogSaveFile(async (options) => {
      expect(options).toEqual({ defaultPath: 'notes.zip', filters: [{ name: 'ZIP', extensions: ['zip'] }] });
      return { canceled: false, filePath: target };
    });
    const handlers = createBackupHandlers({ store: createBackupStore({ folder, now }), saveFile });
    const result = await handlers['files.save']({
      suggestedName: 'notes.zip',
      content: Buffer.from([0, 1, 2, 255]).toString('base64'),
      encoding: 'base64',
      mimeType: 'application/zip',
    });
    expect(result).toEqual({ saved: true, path: target });
    expect([...(await readFile(target))]).toEqual([0, 1, 2, 255]);
    const cancelled = createBackupHandlers({
      store: createBackupStore({ folder, now }),
      saveFile: createDialogSaveFile(async () => ({ canceled: true })),
    });
    expect(
      await cancelled['files.save']({
        suggestedName: 'a.csv',
        content: 'x',
        encoding: 'utf8',
        mimeType: 'text/csv',
      }),
    ).toEqual({ saved: false, cancelled: true });
    expect(
      await noSaveDialog({ suggestedName: 'a', data: new Uint8Array(), mimeType: 'text/plain' }),
    ).toEqual({
      saved: false,
      cancelled: false,
    });
  });
});
