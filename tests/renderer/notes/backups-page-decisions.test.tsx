// The Backups page with linkage decisions: counted in the backup list and restore summaries, refused
// field by field when damaged, exported on their own as JSON and CSV.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Invoke } from '@shared/ipc/contract';
import { BACKUP_FORMAT, serializeBackup } from '@shared/notes/backup';
import { decisionsFromCsv } from '@shared/linkage/export';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { BackupsPage } from '../../../src/renderer/src/notes/BackupsPage';
import { sampleNote } from '../../shared/notes/arbitraries';
import { sampleDecision } from '../../shared/notes/decision-arbitraries';
import { notesSetup } from './notes-setup';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

function setup() {
  const saved: Array<{ suggestedName: string; content: string }> = [];
  const { repository, wrapper } = notesSetup((async (channel: string, request: unknown) => {
    if (channel === 'backups.list') {
      return {
        ok: true,
        value: {
          folder: '/data/backups',
          backups: [
            {
              name: 'notes-2026-12-07T19-00-00Z.json',
              createdAt: '2026-12-07T19:00:00Z',
              bytes: 10,
              notes: 2,
              decisions: 3,
            },
          ],
        },
      };
    }
    if (channel === 'backups.write') {
      return {
        ok: true,
        value: { written: true, file: { name: 'n.json', createdAt: '', bytes: 1, notes: 0, decisions: 0 } },
      };
    }
    if (channel === 'files.save') {
      saved.push(request as { suggestedName: string; content: string });
      return { ok: true, value: { saved: true, path: '/home/user/decisions' } };
    }
    return { ok: true, value: [] };
  }) as unknown as Invoke);
  render(<BackupsPage />, { wrapper });
  return { repository, decisions: new DecisionsRepository(repository.db), saved };
}

const choose = (name: string, text: string) =>
  fireEvent.change(screen.getByLabelText('Choose a JSON backup file'), {
    target: { files: [new File([text], name, { type: 'application/json' })] },
  });

describe('linkage decisions on the Backups page', () => {
  it('lists how many decisions an automatic backup holds', async () => {
    setup();
    expect(await screen.findByText(/2 notes · 3 linkage decisions/)).toBeTruthy();
  });

  it('says how many decisions a restore adds, then writes them', async () => {
    const { repository, decisions } = setup();
    choose('backup.json', serializeBackup([sampleNote()], new Date(), [sampleDecision()]));
    expect(
      await screen.findByText(
        'Linkage decisions: 1 new, 0 to be replaced by a later decision from the backup, 0 decided later here (kept), 0 unchanged.',
      ),
    ).toBeTruthy();
    expect(await decisions.all()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Linkage decisions: 1 new, 0 replaced by a later decision from the backup, 0 kept as they were here, 0 unchanged.',
      ),
    );
    expect(await decisions.all()).toEqual([sampleDecision()]);
    expect(await repository.all()).toHaveLength(1);
  });

  it('refuses a file with a damaged decision, naming file, records and field, and writes nothing', async () => {
    const { repository, decisions } = setup();
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: '2026-12-07T19:00:00.000Z',
      notes: [sampleNote()],
      decisions: [{ ...sampleDecision(), decision: 'merged' }],
    });
    choose('damaged.json', text);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^damaged\.json was not imported, nothing was changed\./);
    expect(alert.textContent).toContain(
      'decisions[0] (records "echelon-list/17" and "settlement-register/204") › decision',
    );
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await repository.all()).toEqual([]);
    expect(await decisions.all()).toEqual([]);
  });

  it('exports the decisions alone as CSV and as JSON through the save path', async () => {
    const { decisions, saved } = setup();
    const stored = await decisions.decide({
      a: 'lists/1',
      b: 'lists/2',
      decision: 'different',
      score: 4.5,
      note: 'born in another parish, "checked"',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export linkage decisions (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.suggestedName).toMatch(/^atmintis-linkage-decisions-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(decisionsFromCsv(saved[0]?.content ?? '')).toEqual({ ok: true, decisions: [stored] });
    fireEvent.click(screen.getByRole('button', { name: 'Export linkage decisions (JSON)' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(JSON.parse(saved[1]?.content ?? '')).toMatchObject({
      format: 'atmintis-linkage-decisions',
      decisions: [stored],
    });
    expect(screen.getByRole('status').textContent).toBe('Saved to /home/user/decisions.');
  });
});
