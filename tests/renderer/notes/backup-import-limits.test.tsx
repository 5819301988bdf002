// Hostile files given to the Notes view's import: refused with a message, nothing read or written.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { BackupsPage } from '../../../src/renderer/src/notes/BackupsPage';
import type { Invoke } from '@shared/ipc/contract';
import { MAX_BACKUP_FILE_BYTES } from '@shared/notes/backup';
import { notesSetup } from './notes-setup';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

function setup() {
  const { repository, wrapper } = notesSetup((async (channel: string) => ({
    ok: true,
    value: channel === 'backups.list' ? { folder: '/data/backups', backups: [] } : [],
  })) as unknown as Invoke);
  render(<BackupsPage />, { wrapper });
  return { repository };
}

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Choose a JSON backup file'), { target: { files: [file] } });
}

describe('importing a hostile notes backup file', () => {
  it('refuses a 1 GB file from its size alone, without reading it', async () => {
    const { repository } = setup();
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 1024 ** 3 });
    const read = vi.spyOn(file, 'text');
    choose(file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      `huge.json was not imported, nothing was changed: at 1,024 MiB it is larger than any notes backup can be (at most ${MAX_BACKUP_FILE_BYTES / 1024 ** 2} MiB).`,
    );
    expect(read).not.toHaveBeenCalled();
    expect(await repository.all()).toEqual([]);
  });

  it('refuses deeply nested JSON with a message saying where, and changes nothing', async () => {
    const { repository } = setup();
    const depth = 100_000;
    const text = `{"format":"atmintis-notes-backup","version":1,"notes":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    choose(new File([text], 'nested.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^nested\.json was not imported, nothing was changed\. .*nested more than 64 levels deep \(line 1, column \d+\)/,
    );
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await repository.all()).toEqual([]);
  });
});
