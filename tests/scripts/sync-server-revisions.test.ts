import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createProject } from '../../scripts/sync-server-admin';
import { startSyncServer, type RunningSyncServer } from '../../scripts/sync-server-app';

const ADMIN = { name: 'admin', password: 'admin-secret' };
const WRITER = { name: 'ona', password: 'ona-secret' };
const READER = { name: 'jonas', password: 'jonas-secret' };
let server: RunningSyncServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'atmintis-sync-revisions-'));
  server = await startSyncServer({ port: 0, dataDir, admin: ADMIN });
  await createProject(server.url, ADMIN, 'family');
  await addUser(server.url, ADMIN, { project: 'family', ...WRITER, role: 'read-write' });
  await addUser(server.url, ADMIN, { project: 'family', ...READER, role: 'read' });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const as = (user: { name: string; password: string }) => ({
  authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`,
  'content-type': 'application/json',
});

/** What replication sends: revisions with their history, `new_edits: false`. */
function replicate(user: { name: string; password: string }, rev: string, ids: string[], body: string) {
  const doc = { _id: 'note:1', _rev: rev, _revisions: { start: ids.length, ids }, type: 'note', body };
  return fetch(`${server.url}/family/_bulk_docs`, {
    method: 'POST',
    headers: as(user),
    body: JSON.stringify({ docs: [doc], new_edits: false }),
  });
}

describe('the sync server under validate_doc_update', () => {
  it('stores a replicated edit of a document it already holds (it acknowledged and dropped it)', async () => {
    expect((await replicate(WRITER, '1-aaa', ['aaa'], 'first')).status).toBe(201);
    expect((await replicate(WRITER, '2-bbb', ['bbb', 'aaa'], 'edited')).status).toBe(201);
    const stored = await fetch(`${server.url}/family/note:1?revs=true`, { headers: as(WRITER) });
    expect(await stored.json()).toMatchObject({
      _rev: '2-bbb',
      body: 'edited',
      _revisions: { start: 2, ids: ['bbb', 'aaa'] },
    });
  });

  it('still refuses the same write from a read-only member', async () => {
    const refused = await replicate(READER, '3-ccc', ['ccc', 'bbb', 'aaa'], 'not allowed');
    expect(await refused.json()).toEqual([expect.objectContaining({ id: 'note:1', error: 'forbidden' })]);
    const stored = await fetch(`${server.url}/family/note:1`, { headers: as(WRITER) });
    expect(await stored.json()).toMatchObject({ _rev: '2-bbb' });
  });
});
