/**
 * `npm run bench:hostile` — how fast, and with how much memory, hostile input is refused.
 *
 * Each case prints the time to the refusal and the growth of the process's resident memory (RSS) and
 * JS heap while it ran, next to the message the user gets. Cases: a 1 GB collection file and a 1 GB
 * backup (sparse files, no disk used), a 1 GiB zip bomb, a 1 GB upload to the web harness (declared and streamed), deeply
 * nested JSON (backup, collection file, request body), a 10 MB single field, and the nesting scan over
 * a 64 MiB backup-sized text (its cost on every legitimate import).
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync, cpSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackupStore } from '../src/main/backups/backup-store';
import { loadCollectionFromDirectory } from '../src/main/collection/load-collection';
import { startWebServer } from '../src/main/web/web-server';
import { HandlerError } from '../src/main/ipc/dispatch';
import { validateCollection } from '@shared/collection/validate';
import { findExcessiveNesting } from '@shared/json/nesting';
import { parseBackup } from '@shared/notes/backup';
import { BACKUP_LIMITS } from '@shared/notes/backup-rows';
import type { Handlers } from '@shared/ipc/contract';
import { unzipWithLimits } from '@shared/zip/safe-unzip';
import { Zip, ZipDeflate } from 'fflate';

const MIB = 1024 * 1024;
const root = mkdtempSync(join(tmpdir(), 'atmintis-bench-hostile-'));
const minimal = resolve(import.meta.dirname, '../tests/fixtures/collections/minimal');

async function measure(name: string, run: () => Promise<string> | string): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  let outcome: string;
  try {
    outcome = await run();
  } catch (error) {
    outcome = `threw ${error instanceof HandlerError ? error.code : ''} ${(error as Error).message}`;
  }
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  const grow = (key: 'rss' | 'heapUsed') => ((after[key] - before[key]) / MIB).toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms  rss ${grow('rss')} MiB  heap ${grow('heapUsed')} MiB  → ${outcome.slice(0, 110)}`,
  );
}

const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

async function main(): Promise<void> {
  console.log(`Node ${process.version}; run with --expose-gc for steadier memory figures.\n`);

  // Collections.
  const sparse = join(root, 'sparse-collection');
  cpSync(minimal, sparse, { recursive: true });
  writeFileSync(join(sparse, 'records/huge.json'), '');
  truncateSync(join(sparse, 'records/huge.json'), 1024 * MIB);
  await measure('collection: 1 GB record file (sparse)', async () => {
    const result = await loadCollectionFromDirectory(sparse);
    return result.ok ? 'accepted!' : result.error.message;
  });
  const nested = join(root, 'nested-collection');
  cpSync(minimal, nested, { recursive: true });
  writeFileSync(join(nested, 'records/events.json'), deepArrays(2_000_000));
  await measure('collection: 2,000,000-deep JSON record file', async () => {
    const result = await loadCollectionFromDirectory(nested);
    return result.ok ? 'accepted!' : result.error.message;
  });
  await measure('collection: 10 MB single field (in memory, no size cap)', () => {
    const files = new Map([['records/a.json', JSON.stringify([{ id: 'x'.repeat(10 * MIB) }])]]);
    const result = validateCollection(files);
    return result.ok ? 'accepted!' : `${result.errors.length} errors, first: ${result.errors[0]?.message}`;
  });

  // Backups.
  const backups = join(root, 'backups');
  const store = createBackupStore({ folder: backups });
  writeFileSync(join(root, 'placeholder'), '');
  cpSync(join(root, 'placeholder'), join(backups, 'notes-2026-11-28T18-00-00Z.json'));
  truncateSync(join(backups, 'notes-2026-11-28T18-00-00Z.json'), 1024 * MIB);
  await measure('backups.read: 1 GB backup file (sparse)', () =>
    store.read('notes-2026-11-28T18-00-00Z.json'),
  );
  await measure('notes backup: 2,000,000-deep JSON', () => {
    const result = parseBackup(deepArrays(2_000_000));
    return result.ok ? 'accepted!' : result.error;
  });
  await measure('notes backup: 10 MB "format" field', () => {
    const result = parseBackup(`{"format":"${'x'.repeat(10 * MIB)}"}`);
    return result.ok ? 'accepted!' : result.error;
  });
  const big = `["${'x'.repeat(BACKUP_LIMITS.maxChars - 10)}"]`;
  await measure('nesting scan of a 64 MiB text (cost on a real import)', () =>
    String(findExcessiveNesting(big) ?? 'no excessive nesting'),
  );

  // A zip bomb: 1 GiB of zeros deflated to about 1 MiB (built in 1 MiB steps, never held whole).
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const entry = new ZipDeflate('bomb.json', { level: 9 });
  zip.add(entry);
  const zeros = new Uint8Array(MIB);
  for (let i = 0; i < 1024; i++) entry.push(zeros, i === 1023);
  zip.end();
  const bomb = Buffer.concat(parts);
  await measure(`zip bomb: 1 GiB of zeros in ${(bomb.length / MIB).toFixed(1)} MiB`, () => {
    const result = unzipWithLimits(bomb);
    return result.ok
      ? 'accepted!'
      : `${result.error} (inflated ${(result.inflatedBytes / MIB).toFixed(1)} MiB)`;
  });

  // The web harness's request body.
  const server = await startWebServer({
    port: 0,
    rendererDir: root,
    handlers: new Proxy({}, { get: () => async () => ({}) }) as Handlers,
  });
  const post = (headers: Record<string, string>, chunks: number, chunk: string) =>
    new Promise<string>((resolvePost, reject) => {
      let answered = false;
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/collections.get',
          headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...headers },
        },
        (res) => {
          answered = true;
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolvePost(`${res.statusCode} ${body}`));
        },
      );
      req.on('error', (error) => (answered ? undefined : reject(error)));
      let sent = 0;
      const pump = () => {
        while (!answered && sent < chunks) {
          sent += 1;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  const chunk = 'x'.repeat(MIB);
  await measure('web: 1 GB upload, declared in Content-Length', () =>
    post({ 'Content-Length': String(1024 * MIB) }, 1024, chunk),
  );
  await measure('web: 1 GB upload, streamed (chunked)', () =>
    post({ 'Transfer-Encoding': 'chunked' }, 1024, chunk),
  );
  await measure('web: 500,000-deep JSON body', () => post({}, 1, deepArrays(500_000)));
  await server.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
