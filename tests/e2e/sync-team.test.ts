/**
 * Team sync between two machines through a real server, as a team uses it: `npm run sync-server`
 * (scripts/sync-server.ts, started as its own process on loopback with a temporary data folder), two
 * `npm run web` harnesses with their own data folders (two origins) and two browser contexts (two
 * profiles). Everything on the machines is done through the interface; the server is only looked at
 * (as its administrator) to know when to kill it and what it holds.
 *
 * A note written on A appears on B (the seconds are printed); both edit it while B has stopped
 * syncing → the conflict is shown on both, both texts kept; the server is killed while 200 notes are
 * replicating and restarted on the same port and folder → B ends with exactly A's notes; a read-only
 * account's note is refused by the server, the header says why, and the note stays on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createProject } from '../../scripts/sync-server-admin';
import { routeUrl, useE2e, useHarness } from '../support/e2e';
import { foreignRequests } from '../support/web-harness';

const COLLECTION_ID = 'lt-deportations-1940-1953';
const COLLECTION_TITLE = 'Soviet deportations from Lithuania, 1940–1953';
const PROJECT = 'family';
const ADMIN = { name: 'admin', password: 'admin-secret' };
const ONA = { name: 'ona', password: 'ona-secret' };
const RASA = { name: 'rasa', password: 'rasa-secret' };
const JONAS = { name: 'jonas', password: 'jonas-secret' };
const BATCH = 200;

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'atmintis-sync-team-'));
const e2e = useE2e({ timeout: 120_000 });
const second = useHarness({ timeout: 120_000 });

interface Server {
  url: string;
  port: number;
  child: ChildProcess;
}
let server: Server | undefined;

/** `npm run sync-server -- --port N --data-dir D` as its own process; resolves once it listens. */
function startServer(port: number, ...extra: string[]): Promise<Server> {
  const args = ['--import', 'tsx', join(root, 'scripts/sync-server.ts')];
  const child = spawn(process.execPath, [...args, '--port', String(port), '--data-dir', dataDir, ...extra], {
    cwd: root,
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (match?.[1] && match[2]) resolvePromise({ url: match[1], port: Number(match[2]), child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the sync server exited (${code}): ${out}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  server = await startServer(0, '--admin', `${ADMIN.name}:${ADMIN.password}`);
  await createProject(server.url, ADMIN, PROJECT);
  for (const user of [ONA, RASA])
    await addUser(server.url, ADMIN, { project: PROJECT, ...user, role: 'read-write' });
  await addUser(server.url, ADMIN, { project: PROJECT, ...JONAS, role: 'read' });
}, 120_000);
afterAll(async () => {
  if (server) await kill(server.child);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The notes documents the server holds (as its administrator), id → note body. */
async function serverNotes(): Promise<Map<string, string>> {
  const auth = Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');
  const response = await fetch(`${server?.url}/${PROJECT}/_all_docs?include_docs=true`, {
    headers: { authorization: `Basic ${auth}` },
  });
  const body = (await response.json()) as { rows: Array<{ id: string; doc: { note?: { body: string } } }> };
  return new Map(
    body.rows.filter((row) => row.id.startsWith('note:')).map((row) => [row.id, row.doc.note?.body ?? '']),
  );
}

async function configure(page: Page, user: { name: string; password: string }): Promise<void> {
  await page.getByRole('link', { name: 'About' }).click();
  await page.getByRole('link', { name: 'Team sync settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Team sync settings' }).waitFor();
  await page.getByRole('textbox', { name: 'Server address' }).fill(server?.url ?? '');
  await page.getByRole('textbox', { name: 'Project' }).fill(PROJECT);
  await page.getByRole('textbox', { name: 'User name' }).fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved.').waitFor();
}

async function startSyncing(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  await page.getByRole('button', { name: 'Start syncing' }).click();
  await header(page, 'Sync: up to date').waitFor({ timeout: 20_000 });
}

/** The sync status in the header, which every view shows. */
const header = (page: Page, text: string) =>
  page.locator('header').getByRole('link', { name: text, exact: true });

async function openNotes(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Notes', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
}

async function writeNote(page: Page, text: string): Promise<void> {
  await openNotes(page);
  await page.getByRole('button', { name: `New note on ${COLLECTION_TITLE}` }).click();
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(text);
  await page.getByText(/^Saved at /).waitFor();
}

/** Edits the first note after a restart of the window (the editor of a new note closes with it). */
async function editNote(page: Page, text: string): Promise<void> {
  await openNotes(page);
  await page.reload();
  await page.getByRole('button', { name: 'Edit' }).first().click();
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(text);
  await page.getByText(/^Saved at /).waitFor();
}

/** A notes backup of `count` notes, restored through Notes › Backups as a user would. */
async function importNotes(page: Page, count: number): Promise<void> {
  const at = '2026-12-08T01:00:00.000Z';
  const notes = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    target: { kind: 'collection', collectionId: COLLECTION_ID },
    body: `Reading-room note ${index + 1} of ${count}`,
    tags: [],
    colour: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  }));
  const file = join(mkdtempSync(join(tmpdir(), 'atmintis-sync-team-backup-')), 'reading-room.json');
  writeFileSync(file, JSON.stringify({ format: 'atmintis-notes-backup', version: 1, exportedAt: at, notes }));
  await page.goto(routeUrl(e2e.harness, '/notes/backups'));
  await page.getByLabel('Choose a JSON backup file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(`Imported: ${count} new`).waitFor();
}

/** Every note this machine's notes database holds, id → body (what its views show). */
function localNotes(page: Page): Promise<Array<[string, string]>> {
  return page.evaluate(
    () =>
      new Promise<Array<[string, string]>>((done, fail) => {
        const open = indexedDB.open('atmintis-notes');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('notes').objectStore('notes').getAll();
          all.onerror = () => fail(all.error);
          all.onsuccess = () => {
            const rows = all.result as Array<{ id: string; body: string }>;
            done(rows.map((row) => [row.id, row.body] as [string, string]).sort());
            open.result.close();
          };
        };
      }),
  );
}

describe('Team sync through a real server (two machines, two profiles)', () => {
  it(
    'carries notes both ways, keeps both texts of a conflict, survives a server crash, refuses a reader',
    { timeout: 120_000 },
    async () => {
      const a = await e2e.visit('/browse');
      const b = await e2e.visit('/browse', { on: second.harness });
      await configure(a.page, ONA);
      await configure(b.page, RASA);
      await startSyncing(a.page);
      await startSyncing(b.page);
      // Restarted on another view, A syncs again without the Sync view being opened.
      await openNotes(a.page);
      await a.page.reload();
      await header(a.page, 'Sync: up to date').waitFor({ timeout: 20_000 });

      // A → B, timed from the moment A saved to the moment B shows it.
      await openNotes(b.page);
      const started = performance.now();
      await writeNote(a.page, 'Compare the 1948 figures with the archive file.');
      await b.page.getByText('Compare the 1948 figures with the archive file.').waitFor({ timeout: 20_000 });
      const seconds = (performance.now() - started) / 1000;
      console.log(`sync A → B through the server: ${seconds.toFixed(2)} s from saving on A to showing on B`);
      await b.page.getByText('by ona').waitFor();

      // Both edit the note while B has stopped syncing; B starts again → the conflict on both.
      await b.page.getByRole('link', { name: 'Sync', exact: true }).click();
      await b.page.getByRole('button', { name: 'Stop syncing' }).click();
      await header(b.page, 'Sync: not syncing').waitFor();
      await editNote(a.page, 'Text from machine A.');
      await header(a.page, 'Sync: up to date').waitFor({ timeout: 20_000 });
      await expect
        .poll(async () => [...(await serverNotes()).values()], { timeout: 20_000 })
        .toContain('Text from machine A.');
      await editNote(b.page, 'Text from machine B.');
      // Restarted, B remembers that it was told to stop.
      await header(b.page, 'Sync: not syncing').waitFor();
      await b.page.getByRole('link', { name: 'Sync', exact: true }).click();
      await b.page.getByRole('button', { name: 'Start syncing' }).click();
      for (const side of [a, b]) {
        await side.page.getByRole('link', { name: 'Sync', exact: true }).click();
        const card = side.page.getByRole('article', { name: 'A note edited on two machines' });
        await card.getByText('Text from machine A.').waitFor({ timeout: 20_000 });
        await card.getByText('Text from machine B.').waitFor();
      }

      // The server is killed while a batch replicates, and started again on the same port and folder.
      const running = server as Server;
      await importNotes(a.page, BATCH);
      await kill(running.child);
      const expected = 1 + BATCH;
      await header(a.page, 'Sync: offline — server unreachable, will retry').waitFor({ timeout: 20_000 });
      server = await startServer(running.port);
      console.log(
        `sync server killed (SIGKILL) mid-sync; restarted holding ${(await serverNotes()).size} of ${expected} notes`,
      );
      await expect.poll(async () => (await serverNotes()).size, { timeout: 30_000 }).toBe(expected);
      await openNotes(b.page);
      await b.page.getByText(`${expected} of ${expected} notes shown`).waitFor({ timeout: 30_000 });
      const onA = await localNotes(a.page);
      expect(onA).toHaveLength(expected);
      expect(await localNotes(b.page)).toEqual(onA);

      // A read-only account: the server refuses the note, the header says why, the note stays here.
      await configure(b.page, JONAS);
      await writeNote(b.page, 'A reader’s own remark.');
      const refused = 'Sync: error — your account may only read, changes stay on this computer';
      await header(b.page, refused).waitFor({ timeout: 20_000 });
      // Still here after a restart of the window.
      await b.page.reload();
      await b.page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
      await b.page.getByText('A reader’s own remark.').waitFor();
      expect([...(await serverNotes()).values()]).not.toContain('A reader’s own remark.');

      // Failed loads are expected here (the crash, the refusal, PouchDB's first checkpoint look-up);
      // anything else logged as an error is not.
      const unexpected = [...a.errors, ...b.errors].filter(
        (error) => !error.startsWith('Failed to load resource'),
      );
      expect(unexpected).toEqual([]);
      expect(foreignRequests(a.requests, e2e.baseUrl)).toEqual([]);
      expect(foreignRequests(b.requests, second.harness.baseUrl)).toEqual([]);
      await a.context.close();
      await b.context.close();
    },
  );
});
