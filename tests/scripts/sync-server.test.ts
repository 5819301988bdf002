import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const script = join(root, 'scripts/sync-server.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'atmintis-sync-cli-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `npm run sync-server` as a user would, and resolves with its URL once it listens. */
function start(...args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root });
  running.push(child);
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+?)\/?\s/.exec(out);
      if (match?.[1]) resolvePromise({ url: match[1], child });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`sync server exited (${code}): ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const basic = (name: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`,
  'content-type': 'application/json',
});

// Each step spawns the CLI through tsx (seconds of start-up on a busy machine).
describe('npm run sync-server', { timeout: 180_000 }, () => {
  it('refuses to start without an administrator (no "admin party")', () => {
    const run = cli('--port', '0', '--data-dir', dataDir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/No administrator is set up .*--admin NAME:PASSWORD/);
  });

  it('serves projects with read and read-write members, and keeps the data across a restart', async () => {
    const first = await start('--port', '0', '--data-dir', dataDir, '--admin', 'admin:admin-pw');
    const admin = ['--server', first.url, '--admin', 'admin:admin-pw', '--project', 'family'];
    // add-user creates the project first when needed (create-project alone does only that).
    expect(cli('add-user', ...admin, '--user', 'ona:ona-pw', '--role', 'read-write').out).toContain(
      '"ona" may read and write project "family"',
    );
    expect(cli('add-user', ...admin, '--user', 'jonas:jonas-pw', '--role', 'read').code).toBe(0);
    expect(cli('add-user', ...admin, '--user', 'x:y', '--role', 'owner')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--role must be read or read-write'),
    });
    expect(
      cli('add-user', '--server', first.url, '--admin', 'admin:wrong', '--project', 'family'),
    ).toMatchObject({
      code: 1,
      err: expect.stringContaining('refused the administrator'),
    });

    const note = { text: 'Kept across a restart' };
    const written = await fetch(`${first.url}/family/note-1`, {
      method: 'PUT',
      headers: basic('ona', 'ona-pw'),
      body: JSON.stringify(note),
    });
    expect(written.status).toBe(201);
    const refused = await fetch(`${first.url}/family/note-2`, {
      method: 'PUT',
      headers: basic('jonas', 'jonas-pw'),
      body: '{}',
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden' });
    const wrong = await fetch(`${first.url}/family`, { headers: basic('ona', 'not-it') });
    expect(wrong.status).toBe(401);
    const anonymous = await fetch(`${first.url}/family/note-1`);
    expect(anonymous.status).toBe(401);

    await stop(first.child);
    // The administrator was saved (hashed) the first time: no --admin needed now.
    const second = await start('--port', '0', '--data-dir', dataDir);
    const read = await fetch(`${second.url}/family/note-1`, { headers: basic('jonas', 'jonas-pw') });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject(note);
    await stop(second.child);
  });
});
