/**
 * `npm run import -- <file> [--data-dir DIR] [--mapping mapping.json] [--id ID] [--title TITLE]
 *  [--encoding utf-8|windows-1251|windows-1257] [--delimiter ',' | ';' | tab | '|'] [--header yes|no]
 *  [--skip-broken-rows] [--dry-run]`
 *
 * Imports a CSV/TSV, JSON, JSONL or .zip collection into the data folder the app (or the web harness)
 * reads, with the very code the Import page uses (src/shared/import + src/main/import). Prints the
 * detected layout, every column with its fate, progress, date cells flagged for review, skipped rows
 * and every error with its row and column; exits 1 on any error, 2 on bad arguments. Nothing is
 * written unless the whole file is valid (broken rows are skipped only with --skip-broken-rows).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBundledCollectionStore } from '../src/main/collection/collection-store';
import * as collectionLoader from '../src/main/collection/load-collection';
import { createImportStore } from '../src/main/import/import-store';
import { HandlerError } from '../src/main/ipc/dispatch';
import type { CollectionRecord } from '@shared/collection/schema';
import { MAX_RECORDS_PER_BATCH } from '@shared/ipc/channels/imports';
import { DELIMITERS, type Delimiter } from '@shared/import/delimited';
import { ENCODINGS, type ImportEncoding } from '@shared/import/encoding';
import { formatImportError } from '@shared/import/errors';
import { columnMappingSchema, describeFate, planColumns } from '@shared/import/mapping';
import {
  collectionIdFromFileName,
  inspectImport,
  manifestForImport,
  runImport,
  type InspectOverrides,
} from '@shared/import/pipeline';

const projectRoot = resolve(import.meta.dirname, '..');

function usage(message: string): never {
  console.error(message);
  console.error(
    'Usage: npm run import -- <file> [--data-dir DIR] [--mapping mapping.json] [--id ID] [--title TITLE] ' +
      '[--encoding utf-8|windows-1251|windows-1257] [--delimiter ","|";"|tab|"|"] [--header yes|no] ' +
      '[--skip-broken-rows] [--dry-run]',
  );
  process.exit(2);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: join(homedir(), '.atmintis-web') },
      mapping: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      header: { type: 'string' },
      'skip-broken-rows': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) usage('Give exactly one file to import.');
  const overrides: InspectOverrides = {};
  if (values.encoding !== undefined) {
    if (!ENCODINGS.includes(values.encoding as ImportEncoding))
      usage(`--encoding must be one of ${ENCODINGS.join(', ')}`);
    overrides.encoding = values.encoding as ImportEncoding;
  }
  if (values.delimiter !== undefined) {
    const d = values.delimiter === 'tab' ? '\t' : values.delimiter;
    if (!DELIMITERS.includes(d as Delimiter)) usage('--delimiter must be one of , ; tab |');
    overrides.delimiter = d as Delimiter;
  }
  if (values.header !== undefined) {
    if (values.header !== 'yes' && values.header !== 'no') usage('--header must be yes or no');
    overrides.header = values.header === 'yes';
  }

  const name = basename(file);
  const started = performance.now();
  const inspection = inspectImport(name, new Uint8Array(await readFile(file)), overrides);
  if (!inspection.ok) return fail(inspection.errors.map(formatImportError));

  let mapping;
  if (inspection.format === 'delimited') {
    const { preview } = inspection;
    console.log(
      `${name}: ${inspection.encoding} (${inspection.encodingReason}), delimiter ${JSON.stringify(preview.delimiter)}, ` +
        `${preview.header ? 'header row' : 'no header row'}; columns: ${preview.columns.join(', ')}`,
    );
    const raw =
      values.mapping === undefined
        ? inspection.suggested
        : JSON.parse(await readFile(values.mapping, 'utf8'));
    const parsed = columnMappingSchema.safeParse(raw);
    if (!parsed.success)
      return fail(parsed.error.issues.map((i) => `mapping ${i.path.join('.')}: ${i.message}`));
    mapping = parsed.data;
    console.log(`Mapping: ${JSON.stringify(mapping)}`);
    // Every column and what becomes of it: nothing is dropped without the user seeing it.
    console.log('Columns:');
    for (const column of planColumns(mapping, preview.columns, preview.rows, inspection.suggestedBy)) {
      const basis =
        values.mapping === undefined && column.suggestedBy !== undefined ? ` (by ${column.suggestedBy})` : '';
      console.log(`  ${column.index + 1}. ${column.header} ${describeFate(column.fate)}${basis}`);
    }
  }

  const manifest =
    (inspection.format !== 'delimited' ? inspection.manifest : undefined) ??
    manifestForImport({
      id: values.id ?? collectionIdFromFileName(name),
      title: values.title ?? name,
      source: name,
    });
  if (values.id !== undefined) manifest.id = values.id;
  if (values.title !== undefined) manifest.title = values.title;

  const bundled = createBundledCollectionStore(
    join(projectRoot, 'resources', 'collections'),
    collectionLoader,
  );
  const store = createImportStore({
    dataDirectory: resolve(values['data-dir']),
    isReservedId: async (id) => (await bundled.get(id)) !== undefined,
  });

  // Records are produced synchronously; keep them, then write them in request-sized batches exactly
  // as the UI does, so the CLI exercises the same store path.
  const batches: CollectionRecord[][] = [];
  let lastReport = 0;
  const result = runImport(inspection, mapping, {
    batchSize: MAX_RECORDS_PER_BATCH,
    skipBrokenRows: values['skip-broken-rows'],
    collection: manifest.id,
    importedAt: new Date().toISOString(),
    // A dry run only counts: keeping 200,000 records alive just to drop them costs garbage collection.
    onBatch: (records) => {
      if (!values['dry-run']) batches.push(records);
    },
    onProgress: (rows, fraction) => {
      const now = performance.now();
      if (now - lastReport > 1000) {
        lastReport = now;
        const rate = Math.round(rows / ((now - started) / 1000));
        console.log(`  read ${rows} rows (${Math.round(fraction * 100)}%), ${rate} rows/s`);
      }
    },
  });
  if (result.errors.length > 0) return fail(result.errors.map(formatImportError));
  if (result.skippedCount > 0) {
    console.log(`Skipped ${result.skippedCount} broken row(s) (--skip-broken-rows):`);
    for (const s of result.skippedRows) console.log(`  row ${s.row}: ${s.reason}: ${s.text}`);
    if (result.skippedCount > result.skippedRows.length)
      console.log(`  …and ${result.skippedCount - result.skippedRows.length} more`);
  }
  if (result.dateReviewCount > 0) {
    console.log(`${result.dateReviewCount} date cell(s) kept as written but not read as dates (check them):`);
    for (const r of result.dateReviews.slice(0, 20))
      console.log(`  row ${r.row}, column "${r.column}": ${r.text}`);
    if (result.dateReviewCount > 20) console.log(`  …and ${result.dateReviewCount - 20} more`);
  }
  if (values['dry-run']) {
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Dry run: ${result.records} records read in ${seconds.toFixed(1)} s (${Math.round(result.records / seconds)} rows/s); nothing stored`,
    );
    return 0;
  }

  try {
    const { sessionId, replaces } = await store.begin({ manifest, files: result.files, source: name });
    try {
      // Each batch is let go once stored, so the commit's validation does not run beside all of them.
      for (let batch = batches.shift(); batch; batch = batches.shift()) await store.append(sessionId, batch);
      const summary = await store.commit(sessionId);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${replaces ? 'Replaced' : 'Imported'} "${summary.title}" (${summary.id}): ${summary.recordCount} records ` +
          `in ${seconds.toFixed(1)} s (${Math.round(summary.recordCount / seconds)} records/s) into ${resolve(values['data-dir'])}`,
      );
      return 0;
    } catch (error) {
      await store.abort(sessionId);
      throw error;
    }
  } catch (error) {
    if (error instanceof HandlerError) {
      const details = Array.isArray(error.details)
        ? (error.details as { text?: string }[]).map((d) => d.text ?? JSON.stringify(d))
        : [];
      return fail([error.message, ...details]);
    }
    throw error;
  }
}

function fail(lines: string[]): number {
  console.error(`Import failed; nothing was imported. ${lines.length} error(s):`);
  for (const line of lines) console.error(`  ${line}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Import failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
