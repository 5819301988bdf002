/**
 * Electron's real download and unpack path (@electron/get + Electron's install.js), pointed at a loopback
 * mirror that serves a small stand-in zip: progress is reported, the binary lands where electron-vite
 * looks, a stalled host is given up on, and a wrong override is named.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  downloadElectronZip,
  ElectronUnavailableError,
  ensureElectron,
  installedElectron,
  type ElectronPackage,
} from '../../scripts/electron/ensure-electron';
import {
  canRunElectronInstaller,
  nodeTooOldMessage,
  parseNodeVersion,
} from '../../scripts/electron/node-support';
import { copyElectronPackageWithoutBinary, projectRoot } from '../support/isolated-project';

const scratch = mkdtempSync(join(tmpdir(), 'atmintis-electron-get-'));
const version = (
  JSON.parse(readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const zipName = `electron-v${version}-linux-x64.zip`;
const zip = zipSync({
  electron: [strToU8('#!/bin/sh\necho fake electron\n'), { os: 3, attrs: 0o100755 << 16 }],
  version: strToU8(`v${version}`),
});

let server: Server;
let mirror = '';
let hang = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (hang) return; // accepts the connection and never answers, like a host behind a silent firewall
    if (request.url === `/v${version}/${zipName}`) {
      response.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': String(zip.length) });
      // In pieces, so progress has something to report.
      const third = Math.ceil(zip.length / 3);
      response.write(zip.subarray(0, third));
      setTimeout(() => response.write(zip.subarray(third, 2 * third)), 20);
      setTimeout(() => response.end(zip.subarray(2 * third)), 40);
    } else if (request.url === `/v${version}/SHASUMS256.txt`) {
      response.end(`${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  mirror = `http://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
  hang = false;
});

/** node_modules/electron without a binary, in a folder of its own, beside links to its installer's packages. */
function freshElectronPackage(name: string): ElectronPackage {
  const modules = join(scratch, name, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(projectRoot, 'node_modules', scope), join(modules, scope));
  }
  copyElectronPackageWithoutBinary(join(modules, 'electron'));
  return { dir: join(modules, 'electron'), version };
}

function useMirror(cache: string) {
  vi.stubEnv('ELECTRON_MIRROR', mirror);
  vi.stubEnv('electron_config_cache', join(scratch, cache));
  // The stand-in zip is not Electron's, so its checksum comes from the mirror, not checksums.json.
  vi.stubEnv('electron_use_remote_checksums', '1');
  vi.stubEnv('ELECTRON_INSTALL_PLATFORM', 'linux');
  vi.stubEnv('ELECTRON_INSTALL_ARCH', 'x64');
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '');
}

describe('ensureElectron', () => {
  it('downloads with progress, unpacks through install.js, and is done the next time', async () => {
    const electron = freshElectronPackage('download');
    useMirror('cache-download');
    const log: string[] = [];
    const progress: string[] = [];
    expect(installedElectron(electron, 'linux', process.env)).toBeNull();

    const executable = await ensureElectron({
      electron,
      platform: 'linux',
      arch: 'x64',
      log: (line) => log.push(line),
      progress: (line) => progress.push(line),
    });

    expect(executable).toBe(join(electron.dir, 'dist', 'electron'));
    expect(readFileSync(join(electron.dir, 'path.txt'), 'utf8')).toBe('electron');
    expect(log[0]).toContain(`Electron ${version} is not on this computer yet: downloading it once`);
    expect(progress.at(-1)).toMatch(new RegExp(`^Downloading Electron ${version}: 100 % \\(`));
    expect(log.at(-1)).toBe(`Electron ${version} is ready.`);

    // Second start: nothing to download, even with the mirror gone.
    hang = true;
    const again: string[] = [];
    await expect(
      ensureElectron({ electron, platform: 'linux', log: (line) => again.push(line) }),
    ).resolves.toBe(executable);
    expect(again).toEqual([]);
  }, 60_000);

  it('gives up on a host that never answers, with the plain message', async () => {
    const electron = freshElectronPackage('stall');
    useMirror('cache-stall');
    hang = true;
    const attempt = downloadElectronZip({ electron, platform: 'linux', arch: 'x64', stallMs: 300 });
    await expect(attempt).rejects.toBeInstanceOf(ElectronUnavailableError);
    await expect(attempt).rejects.toThrow(/no data arrived for 0 s .*\n.*needs the internet once/s);
    expect(existsSync(join(electron.dir, 'path.txt'))).toBe(false);
  });

  it('names a wrong ELECTRON_OVERRIDE_DIST_PATH instead of downloading', () => {
    const electron = freshElectronPackage('override');
    expect(() =>
      installedElectron(electron, 'linux', { ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'nothing') }),
    ).toThrow(
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${join(scratch, 'nothing')}, but there is no Electron executable at ${join(scratch, 'nothing', 'electron')}`,
    );
  });
});

describe('Node versions that can run Electrons installer', () => {
  it.each([
    ['20.18.3', false],
    ['20.19.0', true],
    ['21.7.3', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['24.1.0', true],
    ['v18.20.4', false],
    ['garbage', false],
  ])('%s → %s', (nodeVersion, ok) => {
    expect(canRunElectronInstaller(nodeVersion)).toBe(ok);
  });

  it('says which Node is needed and which one this is', () => {
    expect(parseNodeVersion('v20.20.2')).toEqual([20, 20, 2]);
    expect(nodeTooOldMessage('18.20.4')).toMatch(
      /Node\.js 20\.19 or newer .* 22\.12 or newer.*this is Node\.js 18\.20\.4/,
    );
  });
});
