/** Test helper: load a collection folder (the bundled one or a fixture) as the renderer receives it. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LoadedCollection } from '@shared/collection/model';
import { validateCollection } from '@shared/collection/validate';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const BUNDLED_COLLECTION = join(ROOT, 'resources', 'collections', 'lt-deportations-1940-1953');
export const FIXTURE_COLLECTIONS = join(ROOT, 'tests', 'fixtures', 'collections');

export function loadCollection(dir: string): LoadedCollection {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'README.md')
        files.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  const result = validateCollection(files);
  if (!result.ok) throw new Error(`${dir}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.collection;
}
