/**
 * Format version 2 reads version-1 packages: the bundled collection (still written as version 1) and
 * collections imported by version 1 into the user's data folder load unchanged, with the same record
 * ids, so notes stay attached.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import { createImportStore } from '../../../src/main/import/import-store';
import { migrateManifest } from '@shared/collection/migrate';
import { FORMAT_VERSION, manifestSchema } from '@shared/collection/schema';

const bundled = join(import.meta.dirname, '../../../resources/collections/lt-deportations-1940-1953');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atmintis-migrate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('format version 1 → 2', () => {
  it('is version 2 now, and a version-1 manifest reads as version 2; others are left alone', () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(migrateManifest({ formatVersion: 1, id: 'a' })).toEqual({ formatVersion: 2, id: 'a' });
    expect(migrateManifest({ formatVersion: 3 })).toEqual({ formatVersion: 3 });
    expect(migrateManifest(null)).toBeNull();
    expect(manifestSchema.safeParse({ formatVersion: 3 }).success).toBe(false);
  });

  it('loads the bundled version-1 collection with every record id as written', async () => {
    const manifest = JSON.parse(await readFile(join(bundled, 'manifest.json'), 'utf8')) as {
      formatVersion: number;
    };
    const ids: string[] = [];
    for (const file of await readdir(join(bundled, 'records'))) {
      const records = JSON.parse(await readFile(join(bundled, 'records', file), 'utf8')) as { id: string }[];
      ids.push(...records.map((r) => r.id));
    }
    const loaded = await loadCollectionFromDirectory(bundled);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.manifest.formatVersion).toBe(2);
    expect(manifest.formatVersion).toBeLessThanOrEqual(2);
    expect(loaded.value.records.map((r) => r.id).sort()).toEqual(ids.sort());
  });

  it('loads a collection imported by version 1 from the data folder, ids and summaries unchanged', async () => {
    // Exactly what the version-1 importer wrote: generated summaries, no person fields.
    const folder = join(dir, 'collections', 'old-registry');
    await cp(join(import.meta.dirname, 'v1-import'), folder, { recursive: true });
    const store = createImportStore({ dataDirectory: dir, isReservedId: async () => false });
    const [listed] = await store.list();
    expect(listed).toMatchObject({ id: 'old-registry', recordCount: 2 });
    const loaded = await store.collections.get('old-registry');
    expect(loaded?.manifest.formatVersion).toBe(2);
    expect(loaded?.records.map((r) => [r.id, r.title, r.summary])).toEqual([
      ['p-1', 'Ona Kazlauskienė', 'Born 1901. District: Kaunas. Date: 1941-06-14.'],
      ['p-2x9k1', 'Jonas Petraitis', 'Born 1899. District: Utena.'],
    ]);
    // Nothing was rewritten on disk by reading it.
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as {
      formatVersion: number;
    };
    expect(manifest.formatVersion).toBe(1);
  });
});
