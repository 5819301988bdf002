import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createDialogPicker, createFolderPicker, noPhotoPicker } from '../../../src/main/photos/picker';
import { testHandlers } from '../../support/fake-handlers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atmintis-picker-'));
  for (const name of ['b.jpg', 'a.png', 'later.zip', 'early.zip']) await writeFile(join(dir, name), 'x');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('photo pickers', () => {
  it('the test picker picks the folder, its files by name, or its first zip', async () => {
    const pick = createFolderPicker(dir);
    expect(await pick('folder')).toEqual({ kind: 'folder', path: dir });
    expect(await pick('files')).toEqual({
      kind: 'files',
      paths: ['a.png', 'b.jpg', 'early.zip', 'later.zip'].map((name) => join(dir, name)),
    });
    expect(await pick('zip')).toEqual({ kind: 'zip', path: join(dir, 'early.zip') });
  });

  it('the dialog picker asks for the right kind and answers null when cancelled', async () => {
    const show = vi.fn(async () => ({ canceled: false, filePaths: ['/a/1.jpg', '/a/2.jpg'] }));
    const pick = createDialogPicker(show);
    expect(await pick('files')).toEqual({ kind: 'files', paths: ['/a/1.jpg', '/a/2.jpg'] });
    expect(show).toHaveBeenLastCalledWith(
      expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
    );
    expect(await pick('folder')).toEqual({ kind: 'folder', path: '/a/1.jpg' });
    expect(show).toHaveBeenLastCalledWith(expect.objectContaining({ properties: ['openDirectory'] }));
    const cancelled = createDialogPicker(async () => ({ canceled: true, filePaths: [] }));
    expect(await cancelled('zip')).toBeNull();
    expect(await noPhotoPicker('folder')).toBeNull();
  });

  it('over the contract: nothing picked starts nothing; a malformed sha256 or source is refused', async () => {
    const handlers = testHandlers();
    expect(await dispatch(handlers, 'photos.begin', { source: 'folder' })).toEqual({
      ok: true,
      value: { started: false },
    });
    expect(await dispatch(handlers, 'photos.begin', { source: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(await dispatch(handlers, 'photos.get', { sha256: '../../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(await dispatch(handlers, 'photos.progress', { sessionId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'unknown-session' },
    });
  });
});
