import { describe, expect, it } from 'vitest';
import { findBrowser, systemBrowserPaths } from '../support/find-browser';

const nothingInstalled = () => false;
const neverUnpack = () => Promise.reject(new Error('must not unpack the bundled Chromium'));

describe('findBrowser', () => {
  it('prefers CHROMIUM_PATH over everything else', async () => {
    const found = await findBrowser({
      env: { CHROMIUM_PATH: '/opt/my/chrome' },
      platform: 'linux',
      arch: 'x64',
      exists: () => true,
      unpackBundled: neverUnpack,
    });
    expect(found).toEqual({ executablePath: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that points nowhere instead of silently using another browser', async () => {
    await expect(
      findBrowser({
        env: { CHROMIUM_PATH: '/nope/chrome' },
        platform: 'linux',
        exists: (p) => p !== '/nope/chrome',
      }),
    ).rejects.toThrow('CHROMIUM_PATH is set to /nope/chrome, but there is no file there.');
  });

  it('uses an installed browser at the usual places of each platform', async () => {
    const linux = await findBrowser({
      env: {},
      platform: 'linux',
      arch: 'x64',
      exists: (p) => p === '/usr/bin/google-chrome-stable',
      unpackBundled: neverUnpack,
    });
    expect(linux).toEqual({ executablePath: '/usr/bin/google-chrome-stable', source: 'installed browser' });

    const mac = await findBrowser({
      env: { HOME: '/Users/ona' },
      platform: 'darwin',
      arch: 'arm64',
      exists: (p) => p === '/Users/ona/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    });
    expect(mac.executablePath).toBe(
      '/Users/ona/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );

    const windows = await findBrowser({
      env: { PROGRAMFILES: 'C:\\Program Files' },
      platform: 'win32',
      arch: 'x64',
      exists: (p) => p === 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    });
    expect(windows.executablePath).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('brings the npm-shipped Chromium on Linux x64 when nothing is installed', async () => {
    const found = await findBrowser({
      env: {},
      platform: 'linux',
      arch: 'x64',
      exists: nothingInstalled,
      unpackBundled: () => Promise.resolve('/tmp/chromium'),
    });
    expect(found).toEqual({
      executablePath: '/tmp/chromium',
      source: '@sparticuz/chromium (npm dev dependency)',
    });
  });

  it('says what it tried where no browser can be found or brought', async () => {
    const finding = findBrowser({ env: {}, platform: 'linux', arch: 'arm64', exists: nothingInstalled });
    await expect(finding).rejects.toThrow(
      /No Chromium, Chrome or Edge found \(tried \/usr\/bin\/chromium, .*Linux x64 only/,
    );
  });

  it('lists Chrome and Edge on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const paths = systemBrowserPaths(platform, { HOME: '/h', PROGRAMFILES: 'C:\\PF' }).join('\n');
      expect(paths).toMatch(/chrome/i);
      expect(paths).toMatch(/edge/i);
    }
  });
});
