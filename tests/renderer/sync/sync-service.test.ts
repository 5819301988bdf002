import { describe, expect, it, vi } from 'vitest';
import { NotesRepository } from '../../../src/renderer/src/notes/repository';
import { SyncService } from '../../../src/renderer/src/sync/sync-service';
import { freshDatabase } from '../notes/fixtures';
import { draft, memoryReplica } from './fixtures';

const NOTE = '0b7f5c1e-2d3a-4f6b-8c9d-0e1f2a3b4c5d';

function member(server: ReturnType<typeof memoryReplica>, author: string) {
  const { db } = freshDatabase();
  const service = new SyncService(db, { replica: () => memoryReplica(author), remote: () => server });
  service.setAuthor(author);
  return { db, service, notes: new NotesRepository(db) };
}

describe('sync service', () => {
  it('carries a note written on one machine to another through a server, live, with its author', async () => {
    const server = memoryReplica('server');
    const a = member(server, 'Ona');
    const b = member(server, 'Jonas');
    a.service.connect();
    b.service.connect();
    await a.notes.save(draft(NOTE, 'Written by Ona in the reading room.'));
    await vi.waitFor(
      async () => expect((await b.notes.get(NOTE))?.body).toBe('Written by Ona in the reading room.'),
      {
        timeout: 10_000,
        interval: 50,
      },
    );
    expect((await b.db.syncDocs.get(`note:${NOTE}`))?.author).toBe('Ona');
    await vi.waitFor(() => expect(b.service.status().state).toBe('up-to-date'), { timeout: 10_000 });
    expect(b.service.status().lastSyncAt).not.toBeNull();
    a.service.disconnect();
    b.service.disconnect();
    a.service.bridge.stop();
    b.service.bridge.stop();
  });

  it('records "local" as the author when no sync user name is set', async () => {
    const { db } = freshDatabase();
    const service = new SyncService(db, {
      replica: () => memoryReplica('solo'),
      remote: () => memoryReplica('x'),
    });
    service.setAuthor('  ');
    await new NotesRepository(db).save(draft(NOTE, 'mine'));
    await service.bridge.sync();
    expect((await db.syncDocs.get(`note:${NOTE}`))?.author).toBe('local');
    service.bridge.stop();
  });
});
