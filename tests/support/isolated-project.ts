import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * A copy of this project as a clone would have it (tracked and untracked-but-not-ignored files, no out/),
 * with node_modules made of links to ours except for `electron`, which is copied WITHOUT its downloaded
 * binary (dist/, path.txt). So `npm start` there behaves as on a fresh machine, whatever this machine has
 * downloaded, and its build never touches this checkout's out/ (which other tests are serving).
 */
export function isolatedProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'atmintis-clone-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: projectRoot })
    .toString()
    .split('\0')
    .filter((file) => file && !file.startsWith('node_modules/') && !file.startsWith('out/'))
    // Listed by git but deleted in the working tree: a clone of this state would not have them either.
    .filter((file) => existsSync(join(projectRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(root, file));
  }
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (entry === 'electron') continue;
    symlinkSync(join(projectRoot, 'node_modules', entry), join(modules, entry));
  }
  copyElectronPackageWithoutBinary(join(modules, 'electron'));
  return root;
}

/** node_modules/electron as `npm ci` leaves it: the installer, no binary. */
export function copyElectronPackageWithoutBinary(target: string): void {
  const source = join(projectRoot, 'node_modules', 'electron');
  cpSync(source, target, {
    recursive: true,
    filter: (path) => !path.startsWith(join(source, 'dist')) && path !== join(source, 'path.txt'),
  });
}
