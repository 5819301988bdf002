/**
 * The BUILT main bundle (out/main/index.js, as `npm start` runs it), loaded by plain Node against a
 * faithful fake of the `electron` module (tests/support/fake-electron): the privileged app:// scheme is
 * registered before `ready`, the window is created sandboxed on app://atmintis/, index.html and its assets
 * are served through the registered protocol handler with the CSP header, and the IPC handlers answer
 * a call from the app's top frame. Source-level tests cannot catch bundling mistakes; this does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const userData = mkdtempSync(join(tmpdir(), 'atmintis-fake-electron-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

interface Report {
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  privilegedBeforeReady: boolean;
  handledSchemes: string[];
  ipcChannels: string[];
  windows: { options: { webPreferences: Record<string, unknown> }; url: string }[];
  pages: { url: string; status: number; headers: Record<string, string>; body: string }[];
  ipcAnswers: Record<string, { ok: boolean; value?: unknown }>;
  sessionHandlers: string[];
  menuItems: number;
  errors: string[];
}

function runBuiltMain(): Report {
  const run = spawnSync(
    process.execPath,
    ['--import', './tests/support/fake-electron/register.mjs', '--import', 'tsx', 'out/main/index.js'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, FAKE_ELECTRON_USER_DATA: userData },
    },
  );
  const line = run.stdout.split('\n').find((text) => text.startsWith('FAKE_ELECTRON_REPORT '));
  if (!line)
    throw new Error(`the built main process did not get to its window:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(line.slice('FAKE_ELECTRON_REPORT '.length)) as Report;
}

describe('the built main bundle under a faithful fake Electron', () => {
  const report = runBuiltMain();

  it('starts without errors', () => {
    expect(existsSync(join(root, 'out/main/index.js'))).toBe(true);
    expect(report.errors).toEqual([]);
  });

  it('registers app:// as privileged before ready and serves it after', () => {
    expect(report.privilegedBeforeReady).toBe(true);
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    expect(report.handledSchemes).toEqual(['app']);
    expect(report.sessionHandlers).toEqual(['permission-request', 'permission-check', 'before-request']);
    expect(report.menuItems).toBeGreaterThan(0);
  });

  it('opens one sandboxed, isolated window on app://atmintis/ with the built preload', () => {
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window?.url).toBe('app://atmintis/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: join(root, 'out/preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(existsSync(String(window?.options.webPreferences['preload']))).toBe(true);
  });

  it('serves index.html and its assets through the protocol with the CSP header', () => {
    const [page, ...assets] = report.pages;
    expect(page?.status).toBe(200);
    expect(page?.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page?.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page?.body).toContain('<div id="root">');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset, asset.url).toMatchObject({ status: 200 });
  });

  it('answers IPC from the app frame through the bundled handlers', () => {
    expect(report.ipcChannels).toContain('atmintis:collections.list');
    expect(report.ipcAnswers['app.getInfo']).toMatchObject({
      ok: true,
      value: { name: 'Atmintis', transport: 'electron', dataDirectory: userData },
    });
    const list = report.ipcAnswers['collections.list'] as { ok: boolean; value: { id: string }[] };
    expect(list.ok).toBe(true);
    expect(list.value.map((collection) => collection.id)).toContain('lt-deportations-1940-1953');
  });
});
