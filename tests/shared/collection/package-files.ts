/** Test helper: read a collection folder into the in-memory map the pure validator takes. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'collections');
export const MINIMAL_FIXTURE = join(FIXTURES, 'minimal');
export const BUNDLED_COLLECTION = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'resources',
  'collections',
  'lt-deportations-1940-1953',
);

export function readPackageFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}
