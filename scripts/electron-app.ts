/**
 * `npm start`, `npm run dev` and `npm run dist*` go through here:
 *
 *   tsx scripts/electron-app.ts preview          build, then run the app in Electron
 *   tsx scripts/electron-app.ts dev              electron-vite's development server
 *   tsx scripts/electron-app.ts dist [--linux|--win|--mac]   build and package with electron-builder
 *
 * First it checks the Node.js version, then makes sure Electron is on disk (downloading it once, see
 * ./electron/ensure-electron.ts), and only then runs electron-vite / electron-builder, so a missing
 * Electron is reported in plain words within a minute instead of as "Electron uninstall".
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  downloadElectronZip,
  ElectronUnavailableError,
  ensureElectron,
  findElectronPackage,
} from './electron/ensure-electron';
import { canRunElectronInstaller, nodeTooOldMessage } from './electron/node-support';

const projectRoot = resolve(import.meta.dirname, '..');
const bin = (name: string) =>
  join(projectRoot, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function progressWriter(): (line: string) => void {
  if (process.stdout.isTTY) return (line) => process.stdout.write(`\r${line}\x1b[K`);
  // Not a terminal (CI logs, pipes): one line per step instead of carriage returns.
  return (line) => console.log(line);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: projectRoot,
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, forward(signal));
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const DIST_PLATFORMS: Record<string, NodeJS.Platform> = {
  '--linux': 'linux',
  '--win': 'win32',
  '--mac': 'darwin',
};

async function main(): Promise<number> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode !== 'preview' && mode !== 'dev' && mode !== 'dist') {
    console.error('Usage: tsx scripts/electron-app.ts preview|dev|dist [--linux|--win|--mac]');
    return 2;
  }
  if (!canRunElectronInstaller(process.versions.node)) {
    console.error(nodeTooOldMessage(process.versions.node));
    return 1;
  }
  const electron = findElectronPackage(projectRoot);
  const progress = progressWriter();

  if (mode === 'dist') {
    // electron-builder downloads Electron for each target through the same cache: fill it first, so a
    // machine without the internet gets the same plain message as `npm start`.
    const platforms = rest
      .map((flag) => DIST_PLATFORMS[flag])
      .filter((p): p is NodeJS.Platform => Boolean(p));
    for (const platform of platforms.length > 0 ? platforms : [process.platform]) {
      await downloadElectronZip({ electron, platform, arch: process.arch, progress });
    }
    const built = await run(bin('electron-vite'), ['build'], process.env);
    if (built !== 0) return built;
    return run(bin('electron-builder'), ['--config', 'electron-builder.yml', ...rest], process.env);
  }

  const executable = await ensureElectron({ electron, progress });
  // electron-vite honours ELECTRON_EXEC_PATH before it looks for path.txt.
  return run(bin('electron-vite'), [mode, ...rest], { ...process.env, ELECTRON_EXEC_PATH: executable });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ElectronUnavailableError) {
      if (process.stdout.isTTY) process.stdout.write('\n');
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
