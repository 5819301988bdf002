/**
 * `npx tsx bench/search-tail.ts [--records N] [--rounds R] [--dump file.json] [--profile file.cpuprofile]` — the Atmintis half of
 * `npm run bench:search -- --records N` alone, to see the slow tail in a minute instead of the
 * four-engine run's fifteen: the same synthetic registry, the same query set (scale-compare.ts
 * `buildQueries`), run in the same order with the same warm-up and result limit; prints p50/p95/p99 and
 * the 20 slowest queries. With --rounds R the set runs R times (the first is what the big bench sees;
 * later rounds show the cost without first-time work such as matching a new word against the
 * vocabulary). --dump writes every response (total, hits with scores, highlights and kinds, facets) as
 * JSON, to compare two versions of the engine answer for answer. --cache <path> keeps the index in
 * `<path>.<records>.v<format>` and loads it on the next run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { extractDocuments } from '@shared/search/documents';
import { createSearchEngine, loadSearchEngine } from '@shared/search/engine';
import { SNAPSHOT_FORMAT } from '@shared/search/snapshot-format';
import { buildQueries, type BenchQuery } from './scale-compare';
import { generateSyntheticRegistry } from './synthetic-registry';

const args = process.argv.slice(2);
const option = (name: string): string | null =>
  args.includes(name) ? (args[args.indexOf(name) + 1] ?? null) : null;
const records = Number(option('--records') ?? 200_000);
const rounds = Number(option('--rounds') ?? 1);
const dumpPath = option('--dump');
const profilePath = option('--profile');
/** Reuse a saved index between runs (strings then decode lazily, as in the app after a restart). */
const cachePath = option('--cache');
/** RESULT_LIMIT of the renderer's result list, as scale-compare.ts asks. */
const LIMIT = 50;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const cacheFile = cachePath ? `${cachePath}.${records}.v${SNAPSHOT_FORMAT}` : null;
const cached = cacheFile !== null && existsSync(cacheFile) && existsSync(`${cacheFile}.queries.json`);
let t = performance.now();
const documents = cached ? [] : extractDocuments(generateSyntheticRegistry({ persons: records }));
const allQueries: BenchQuery[] = cached
  ? (JSON.parse(readFileSync(`${cacheFile}.queries.json`, 'utf8')) as BenchQuery[])
  : buildQueries(documents);
const only = option('--only');
const queries = allQueries.filter((query) => !only || only.split('|').includes(query.text));
console.log(`${queries.length} queries, generated in ${round(performance.now() - t, 0)} ms`);
t = performance.now();
const engine = cached ? loadSearchEngine(readFileSync(cacheFile)) : createSearchEngine(documents);
const buildMs = performance.now() - t;
t = performance.now();
const snapshot = engine.snapshot();
const snapshotMs = performance.now() - t;
if (cacheFile && !cached) {
  writeFileSync(cacheFile, snapshot);
  writeFileSync(`${cacheFile}.queries.json`, JSON.stringify(allQueries));
}
const memory = process.memoryUsage();
console.log(
  `heap ${round(memory.heapUsed / 2 ** 20, 1)} MB, array buffers ${round(memory.arrayBuffers / 2 ** 20, 1)} MB after building`,
);
console.log(
  `built or loaded in ${round(buildMs, 0)} ms (snapshot ${round(snapshot.length / 1e6, 1)} MB, made in ${round(snapshotMs, 0)} ms)`,
);

for (const query of queries.slice(0, 3)) engine.search(query.text, { limit: LIMIT });
const dump: unknown[] = [];
// Per query, its fastest time over the rounds after the first: less at the mercy of other processes.
const fastest = new Map<string, number>();
const session = profilePath ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (let r = 0; r < rounds; r++) {
  const timed: { text: string; ms: number; total: number }[] = [];
  for (const query of queries) {
    const started = performance.now();
    const response = engine.search(query.text, { limit: LIMIT });
    const ms = performance.now() - started;
    timed.push({ text: query.text, ms, total: response.total });
    if (r > 0) fastest.set(query.text, Math.min(ms, fastest.get(query.text) ?? Infinity));
    if (r === 0 && dumpPath) {
      const { hits, ...rest } = response;
      dump.push({
        query: query.text,
        ...rest,
        hits: hits.map(({ id, score, matchKind, matches, equivalents }) => ({
          id,
          score,
          matchKind,
          matches,
          equivalents,
        })),
      });
    }
  }
  const sorted = timed.map((entry) => entry.ms).sort((a, b) => a - b);
  console.log(
    `round ${r + 1}: p50 ${round(percentile(sorted, 0.5))} ms, p95 ${round(percentile(sorted, 0.95))} ms, ` +
      `p99 ${round(percentile(sorted, 0.99))} ms, max ${round(sorted[sorted.length - 1] ?? 0)} ms`,
  );
  for (const { text, ms, total } of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 20))
    console.log(`  ${round(ms).toFixed(2).padStart(8)} ms  ${String(total).padStart(6)}  ${text}`);
}
if (fastest.size > 0) {
  const sorted = [...fastest.values()].sort((a, b) => a - b);
  console.log(
    `fastest of rounds 2–${rounds}: p50 ${round(percentile(sorted, 0.5))} ms, p95 ${round(percentile(sorted, 0.95))} ms, ` +
      `p99 ${round(percentile(sorted, 0.99))} ms; slowest: ` +
      [...fastest]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([text, ms]) => `${text} ${round(ms)}`)
        .join(', '),
  );
}
if (session && profilePath) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profilePath, JSON.stringify(profile));
}
if (dumpPath) writeFileSync(dumpPath, `${JSON.stringify(dump, null, 1)}\n`);
