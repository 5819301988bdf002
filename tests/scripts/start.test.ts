/**
 * The newcomer's `npm start`, run for real in a copy of the project that has no Electron binary (as after
 * `npm ci`): with ELECTRON_OVERRIDE_DIST_PATH pointing at a fake `electron` it builds the app and starts it;
 * with the download pointed at a closed loopback port it stops with a plain message, non-zero, in time.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedProject } from '../support/isolated-project';

let project: string;
const scratch = mkdtempSync(join(tmpdir(), 'atmintis-start-'));

beforeAll(() => {
  project = isolatedProject();
}, 60_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

function npmStart(env: Record<string, string>, timeoutMs: number): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], {
      cwd: project,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not end within ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, ms: Date.now() - started });
    });
  });
}

/** When the main bundle was last written, or null when there is none. */
function builtStamp(): number | null {
  const main = join(project, 'out/main/index.js');
  return existsSync(main) ? statSync(main).mtimeMs : null;
}

/** A port nothing listens on: bound once to learn a free number, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('npm start', () => {
  it('stops within a minute with a plain message when Electron cannot be downloaded', async () => {
    const port = await closedPort();
    const builtBefore = builtStamp();
    const run = await npmStart(
      { ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: join(scratch, 'empty-cache') },
      90_000,
    );
    expect(run.code).not.toBe(0);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.err).not.toContain('Electron uninstall');
    expect(run.err).toContain('Atmintis could not download Electron');
    expect(run.err).toContain(`127.0.0.1:${port}`);
    expect(run.err).toContain('needs the internet once');
    for (const wayAround of ['ELECTRON_MIRROR=', 'electron_config_cache=', 'ELECTRON_OVERRIDE_DIST_PATH=']) {
      expect(run.err).toContain(wayAround);
    }
    // Nothing was built: the check comes first (the build output, if any, is the one from before).
    expect(builtStamp()).toBe(builtBefore);
  }, 120_000);
  it('builds the app and runs it in the Electron named by ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const fakeDist = join(scratch, 'fake-electron');
    const record = join(scratch, 'electron-run.json');
    mkdirSync(fakeDist);
    const fake = join(fakeDist, 'electron');
    writeFileSync(
      fake,
      [
        '#!/usr/bin/env node',
        "const { writeFileSync } = require('node:fs');",
        'writeFileSync(process.env.FAKE_ELECTRON_RECORD, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(),',
        '  mode: process.env.NODE_ENV_ELECTRON_VITE ?? null }));',
      ].join('\n'),
    );
    chmodSync(fake, 0o755);
    const before = Date.now();

    const run = await npmStart(
      { ELECTRON_OVERRIDE_DIST_PATH: fakeDist, FAKE_ELECTRON_RECORD: record },
      240_000,
    );

    expect(run.err).not.toContain('Electron uninstall');
    expect(run.code, `${run.out}\n${run.err}`).toBe(0);
    const recorded = JSON.parse(readFileSync(record, 'utf8')) as {
      args: string[];
      cwd: string;
      mode: string;
    };
    // electron-vite starts Electron on the project folder; Electron then loads package.json's "main".
    expect(recorded.args[0]).toBe('.');
    expect(recorded.cwd).toBe(project);
    expect(recorded.mode).toBe('production');
    const main = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toBe('out/main/index.js');
    // Built by this very run, not left over.
    expect(statSync(join(project, main)).mtimeMs).toBeGreaterThanOrEqual(before - 1000);
    expect(existsSync(join(project, 'out/preload/index.cjs'))).toBe(true);
    expect(existsSync(join(project, 'out/renderer/index.html'))).toBe(true);
  }, 300_000);
});
