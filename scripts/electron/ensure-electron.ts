/**
 * Makes sure the Electron binary is on disk before electron-vite starts it.
 *
 * Electron 45 downloads its binary lazily: `require('electron')` or its cli.js run install.js on first use.
 * electron-vite never does either: it reads `node_modules/electron/path.txt` and stops with "Electron
 * uninstall" when it is missing. So we run Electron's own download (@electron/get, which honours
 * ELECTRON_MIRROR, electron_config_cache and the other mirror settings) with a progress line and a stall
 * watchdog, then let Electron's install.js unpack it from the cache exactly as it would itself.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Env = Readonly<Record<string, string | undefined>>;

export interface ElectronPackage {
  /** Folder of the installed `electron` npm package. */
  dir: string;
  version: string;
}

export interface EnsureOptions {
  electron: ElectronPackage;
  platform?: NodeJS.Platform;
  arch?: string;
  /** No bytes for this long (connecting included) means the download is not going to work. */
  stallMs?: number;
  log?: (line: string) => void;
  /** Progress line; rewritten in place on a terminal. */
  progress?: (line: string) => void;
}

/** The download failed or cannot start; `message` is written for the person who typed `npm start`. */
export class ElectronUnavailableError extends Error {
  override name = 'ElectronUnavailableError';
}

export function findElectronPackage(projectRoot: string): ElectronPackage {
  const require = createRequire(join(projectRoot, 'package.json'));
  const manifest = require.resolve('electron/package.json');
  const dir = join(manifest, '..');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir, version };
}

/** The executable inside an Electron folder, as Electron's install.js names it. */
export function executableInDist(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** The executable electron would run now, or null when it still has to be downloaded. */
export function installedElectron(
  electron: ElectronPackage,
  platform: NodeJS.Platform,
  env: Env,
): string | null {
  const pathFile = join(electron.dir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    // As node_modules/electron/index.js resolves it.
    const executable = join(override, recorded ?? executableInDist(platform));
    if (!existsSync(executable)) {
      throw new ElectronUnavailableError(
        `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but there is no Electron executable at ${executable}.\n` +
          'Point it at the folder that holds the electron executable, or unset it to download Electron.',
      );
    }
    return executable;
  }
  const versionFile = join(electron.dir, 'dist', 'version');
  if (!recorded || !existsSync(versionFile)) return null;
  if (readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') !== electron.version) return null;
  const executable = join(electron.dir, 'dist', recorded);
  return existsSync(executable) ? executable : null;
}

export function unavailableMessage(electron: ElectronPackage, target: string, cause: string): string {
  const zip = `electron-v${electron.version}-${target}.zip`;
  return [
    `Atmintis could not download Electron ${electron.version} for ${target}, which it needs once to start.`,
    `  Why: ${cause}`,
    'The first start needs the internet once (about 100 MB); later starts work offline. Ways around it:',
    '  - a mirror you can reach:            ELECTRON_MIRROR=https://your-mirror/electron/ npm start',
    `  - a cache folder that holds ${zip}:`,
    '                                       electron_config_cache=/path/to/cache npm start',
    '  - an Electron you already have:      ELECTRON_OVERRIDE_DIST_PATH=/folder/with/electron npm start',
  ].join('\n');
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  return `${error.message}${detail}`;
}

const MB = 1024 * 1024;

function progressLine(version: string, transferred: number, total: number | null): string {
  const done = (transferred / MB).toFixed(1);
  if (!total) return `Downloading Electron ${version}: ${done} MB`;
  const percent = Math.floor((transferred / total) * 100);
  return `Downloading Electron ${version}: ${percent} % (${done} of ${(total / MB).toFixed(1)} MB)`;
}

interface ElectronGet {
  downloadArtifact(details: Record<string, unknown>): Promise<string>;
}

async function loadElectronGet(electron: ElectronPackage): Promise<ElectronGet> {
  // The very copy Electron's install.js uses, wherever npm placed it.
  const resolved = createRequire(join(electron.dir, 'install.js')).resolve('@electron/get');
  return (await import(pathToFileURL(resolved).href)) as ElectronGet;
}

/**
 * Downloads the Electron zip for one platform into @electron/get's cache (where install.js and
 * electron-builder look first), with the same checksums and settings install.js uses.
 */
export async function downloadElectronZip(options: EnsureOptions & { platform: string; arch: string }) {
  const { electron, platform, arch } = options;
  // @electron/get reads its mirror settings from process.env itself; the rest is passed as install.js does.
  const env = process.env;
  const stallMs = options.stallMs ?? 30_000;
  const progress = options.progress ?? (() => undefined);
  const target = `${platform}-${arch}`;
  const { downloadArtifact } = await loadElectronGet(electron);
  const abort = new AbortController();
  let stalled = false;
  let watchdog: NodeJS.Timeout | undefined;
  const armWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      abort.abort();
    }, stallMs);
  };
  let lastPercent = -1;
  armWatchdog();
  try {
    return await downloadArtifact({
      version: electron.version,
      artifactName: 'electron',
      platform,
      arch,
      force: env['force_no_cache'] === 'true',
      cacheRoot: env['electron_config_cache'],
      checksums:
        env['electron_use_remote_checksums'] || env['npm_config_electron_use_remote_checksums']
          ? undefined
          : JSON.parse(readFileSync(join(electron.dir, 'checksums.json'), 'utf8')),
      downloadOptions: {
        quiet: true,
        signal: abort.signal,
        getProgressCallback: ({ transferred, total }: { transferred: number; total: number | null }) => {
          armWatchdog();
          const percent = total
            ? Math.floor((transferred / total) * 100)
            : Math.floor(transferred / (5 * MB));
          if (percent === lastPercent) return;
          lastPercent = percent;
          progress(progressLine(electron.version, transferred, total));
        },
      },
    });
  } catch (error) {
    const cause = stalled
      ? `no data arrived for ${Math.round(stallMs / 1000)} s (no network, or the download host is blocked)`
      : describeError(error);
    throw new ElectronUnavailableError(unavailableMessage(electron, target, cause));
  } finally {
    clearTimeout(watchdog);
  }
}

function runInstallScript(electron: ElectronPackage): Promise<number | null> {
  return new Promise((resolve, reject) => {
    // force_no_cache would make install.js download a second time what we just downloaded.
    const childEnv: Record<string, string | undefined> = { ...process.env };
    delete childEnv['force_no_cache'];
    const child = spawn(process.execPath, [join(electron.dir, 'install.js')], {
      env: childEnv,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

/** Returns the Electron executable to start, downloading and unpacking Electron first if needed. */
export async function ensureElectron(options: EnsureOptions): Promise<string> {
  const { electron } = options;
  const env = process.env;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const log = options.log ?? ((line: string) => console.log(line));
  const installed = installedElectron(electron, platform, env);
  if (installed) return installed;

  log(`Electron ${electron.version} is not on this computer yet: downloading it once (about 100 MB).`);
  await downloadElectronZip({ ...options, platform, arch });
  const code = await runInstallScript(electron);
  const executable = installedElectron(electron, platform, env);
  if (code !== 0 || !executable) {
    throw new ElectronUnavailableError(
      `Electron ${electron.version} was downloaded but could not be unpacked into ${join(electron.dir, 'dist')} ` +
        `(install.js exited with ${code}). Delete node_modules/electron and run \`npm install\`, then \`npm start\`.`,
    );
  }
  log(`Electron ${electron.version} is ready.`);
  return executable;
}
