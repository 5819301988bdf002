import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds a Chromium-family browser for the end-to-end tests, benchmarks and screenshots, so that
 * `npm ci && npm test` works on a fresh machine: `$CHROMIUM_PATH` first, then a browser installed the
 * usual way on Linux, macOS or Windows, then (Linux x64 only) the headless Chromium that the
 * `@sparticuz/chromium` dev dependency ships compressed inside its npm package.
 */
export interface FoundBrowser {
  executablePath: string;
  /** Where it came from, printed by the tests so a run says which browser it used. */
  source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The usual install locations, in order of preference, for one platform. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: Env): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env['HOME'] ? [join(env['HOME'], 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (root): root is string => Boolean(root),
    );
    const apps = [
      'Chromium\\Application\\chrome.exe',
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return roots.flatMap((root) => apps.map((app) => `${root}\\${app}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
  ];
}

export interface FindBrowserOptions {
  env?: Env;
  platform?: NodeJS.Platform;
  arch?: string;
  exists?: (path: string) => boolean;
  /** Unpacks the npm-shipped Chromium and returns its path (injected by tests). */
  unpackBundled?: () => Promise<string>;
}

async function unpackSparticuzChromium(): Promise<string> {
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const exists = options.exists ?? existsSync;

  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    // An explicit choice that points nowhere is a mistake to report, not to paper over.
    if (!exists(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const tried = systemBrowserPaths(platform, env);
  const system = tried.find((path) => exists(path));
  if (system) return { executablePath: system, source: 'installed browser' };

  if (platform === 'linux' && arch === 'x64') {
    const executablePath = await (options.unpackBundled ?? unpackSparticuzChromium)();
    return { executablePath, source: '@sparticuz/chromium (npm dev dependency)' };
  }
  throw new Error(
    `No Chromium, Chrome or Edge found (tried ${tried.join(', ')}), and the bundled Chromium is for ` +
      `Linux x64 only. Install one of them or set CHROMIUM_PATH to its executable.`,
  );
}

let announced = false;
let cached: Promise<FoundBrowser> | undefined;

/** The browser for this test process, found once and announced once on stderr. */
export function testBrowser(): Promise<FoundBrowser> {
  cached ??= findBrowser().then((found) => {
    if (!announced) {
      announced = true;
      process.stderr.write(`End-to-end browser: ${found.executablePath} (${found.source})\n`);
    }
    return found;
  });
  return cached;
}
