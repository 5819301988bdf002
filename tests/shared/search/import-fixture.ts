/** An invented registry of tests/fixtures/registries imported as the app would, as a collection. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionRecord } from '@shared/collection/schema';
import type { LoadedCollection } from '@shared/collection/model';
import { columnMappingSchema } from '@shared/import/mapping';
import { inspectImport, runImport } from '@shared/import/pipeline';

export function importRegistryFixture(file: string, id: string): LoadedCollection {
  const inspection = inspectImport(
    file,
    new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/registries', file))),
  );
  if (!inspection.ok || inspection.format !== 'delimited') throw new Error(file);
  const records: CollectionRecord[] = [];
  runImport(inspection, columnMappingSchema.parse(inspection.suggested), {
    onBatch: (batch) => void records.push(...batch),
  });
  return {
    manifest: {
      formatVersion: 2,
      id,
      title: id,
      version: '1.0.0',
      description: 'fixture',
      languages: ['lt'],
      license: 'CC0-1.0',
      compiledBy: 'tests',
      texts: [],
    },
    records: records.map((r) => ({ ...r, earliest: null, latest: null })),
    bibliography: [],
    texts: [],
    integrity: { citations: [], problems: [] } as unknown as LoadedCollection['integrity'],
  };
}
