/**
 * `npm run bench:record-open -- [--records N] [--samples K] [--json file]` — opening one record of a large
 * collection, before (the whole collection travels to the page, as `collections.get` did for every
 * record page) and after (records on demand: `collections.getRecord` + the few records the page names).
 *
 * Runs the main-process record service over a SYNTHETIC registry (bench/synthetic-registry.ts; every
 * person invented) held by an in-memory store, with the record-offset index in a temp folder. Measures:
 * building the index (first open) and reopening the saved one; `collections.getRecord` p50/p95 through
 * the service with the channel's request validation; and, for the page, the bytes that cross the transport and
 * the time to serialise and parse them, before and after. The page's own rendering is not included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CollectionStore } from '../src/main/collection/collection-store';
import { manifestSummary } from '../src/main/collection/collection-store';
import { createRecordService } from '../src/main/collection/record-service';
import { collectionRequests } from '@shared/ipc/channels/collections';
import { generateSyntheticRegistry, seededRandom } from './synthetic-registry';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const persons = Number(option('--records') ?? 200_000);
const samples = Number(option('--samples') ?? 1000);
const jsonOut = option('--json');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
const round = (n: number) => Math.round(n * 100) / 100;

const collection = generateSyntheticRegistry({ persons });
const id = collection.manifest.id;
const store: CollectionStore = {
  list: async () => [
    {
      ...manifestSummary(collection.manifest),
      recordCount: collection.records.length,
      revision: `bench-${persons}`,
    },
  ],
  get: async (wanted) => (wanted === id ? collection : undefined),
};
const cacheDir = mkdtempSync(join(tmpdir(), 'atmintis-bench-record-open-'));

try {
  let t = performance.now();
  await createRecordService(store, cacheDir).summary(id);
  const indexBuildMs = performance.now() - t;

  const service = createRecordService(store, cacheDir);
  t = performance.now();
  await service.summary(id);
  const indexReopenMs = performance.now() - t;

  const random = seededRandom(7);
  const ids = Array.from(
    { length: samples },
    () => collection.records[Math.floor(random() * collection.records.length)]?.id as string,
  );
  const getRecordMs: number[] = [];
  const pageOpenMs: number[] = [];
  let sliceBytes = 0;
  for (const recordId of ids) {
    const start = performance.now();
    const request = collectionRequests['collections.getRecord'].parse({ collectionId: id, recordId });
    const answer = { ok: true, value: await service.getRecord(request.collectionId, request.recordId) };
    getRecordMs.push(performance.now() - start);
    // What the record page asks for after it: the records it names (relation targets, family …).
    const { record, referrers, family } = answer.value;
    const named = [...referrers, ...family, ...record.relations.map((r) => r.target)].slice(0, 500);
    const checked = collectionRequests['collections.getRecords'].parse({
      collectionId: id,
      recordIds: named,
    });
    const others = { ok: true, value: await service.getRecords(checked.collectionId, checked.recordIds) };
    // Both answers cross the transport as JSON: serialised in main, parsed in the page.
    const wire = JSON.stringify(answer) + JSON.stringify(others);
    JSON.parse(JSON.stringify(answer));
    JSON.parse(JSON.stringify(others));
    pageOpenMs.push(performance.now() - start);
    sliceBytes = Math.max(sliceBytes, Buffer.byteLength(wire));
  }

  // Before: the whole collection crossed the transport for one record.
  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const whole = { ok: true, value: await store.get(id) };
  const wire = JSON.stringify(whole);
  const parsed = JSON.parse(wire) as unknown;
  const wholeMs = performance.now() - t;
  const wholeHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  void parsed;

  const result = {
    persons,
    samples,
    indexBuildMs: round(indexBuildMs),
    indexReopenMs: round(indexReopenMs),
    getRecord: { p50Ms: round(percentile(getRecordMs, 50)), p95Ms: round(percentile(getRecordMs, 95)) },
    after: {
      pageDataP50Ms: round(percentile(pageOpenMs, 50)),
      pageDataP95Ms: round(percentile(pageOpenMs, 95)),
      maxBytes: sliceBytes,
    },
    before: {
      wholeCollectionMs: round(wholeMs),
      bytes: Buffer.byteLength(wire),
      heapGrowthMb: round(wholeHeapMb),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
