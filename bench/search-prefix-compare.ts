/**
 * `npx tsx bench/search-prefix-compare.ts [--records N] [--rounds R] [--cache path]` — the answers
 * precomputed for the shortest queries (src/shared/search/short-prefixes.ts) against searching them,
 * side by side in one process over one prepared index: the query set of `npm run bench:search`
 * (scale-compare.ts `buildQueries`), each query run by both engines in alternating order, R rounds
 * (the first is cold for both, as the four-engine bench sees it). Prints what the precomputation costs
 * (build time, snapshot bytes, words kept), p50/p95/p99 both ways, the slowest queries, and whether
 * every answer is the same (JSON, documents left out). --cache reuses bench/search-tail.ts's files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extractDocuments } from '@shared/search/documents';
import { searchEngineOfIndex, type SearchEngine, type SearchResponse } from '@shared/search/engine';
import { prepareIndex } from '@shared/search/prepared-index';
import { decodeSnapshot, encodeSnapshot } from '@shared/search/snapshot';
import { SNAPSHOT_FORMAT } from '@shared/search/snapshot-format';
import { buildQueries, type BenchQuery } from './scale-compare';
import { generateSyntheticRegistry } from './synthetic-registry';

const args = process.argv.slice(2);
const option = (name: string): string | null =>
  args.includes(name) ? (args[args.indexOf(name) + 1] ?? null) : null;
const records = Number(option('--records') ?? 200_000);
const rounds = Number(option('--rounds') ?? 3);
const cachePath = option('--cache');
/** RESULT_LIMIT of the renderer's result list, as scale-compare.ts asks. */
const LIMIT = 50;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (times: readonly number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${round(percentile(sorted, 0.5))} ms, p95 ${round(percentile(sorted, 0.95))} ms, p99 ${round(percentile(sorted, 0.99))} ms`;
};
const median = (times: readonly number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

const cacheFile = cachePath ? `${cachePath}.${records}.v${SNAPSHOT_FORMAT}` : null;
const cached = cacheFile !== null && existsSync(cacheFile) && existsSync(`${cacheFile}.queries.json`);
let t = performance.now();
const documents = cached ? [] : extractDocuments(generateSyntheticRegistry({ persons: records }));
const queries: BenchQuery[] = cached
  ? (JSON.parse(readFileSync(`${cacheFile}.queries.json`, 'utf8')) as BenchQuery[])
  : buildQueries(documents);
console.log(`${queries.length} queries, generated in ${round(performance.now() - t, 0)} ms`);

t = performance.now();
const prepared = cached ? decodeSnapshot(readFileSync(cacheFile)) : prepareIndex(documents);
const prepareMs = performance.now() - t;
t = performance.now();
const plain = searchEngineOfIndex(prepared, { shortPrefixes: false });
const plainMs = performance.now() - t;
t = performance.now();
const fast = searchEngineOfIndex(prepared);
const fastMs = performance.now() - t;
const withPrefixes = fast.snapshot();
const withoutPrefixes = encodeSnapshot({ ...prepared, prefixes: undefined });
const { prefixes } = decodeSnapshot(withPrefixes);
const prefixBytes = prefixes
  ? [
      prefixes.totals,
      prefixes.similar,
      prefixes.hits.start,
      prefixes.hits.items,
      prefixes.scores,
      prefixes.tiers,
    ]
      .concat(Object.values(prefixes.facets).flatMap((r) => [r.start, r.items]))
      .reduce((sum, column) => sum + column.byteLength, 0)
  : 0;
if (cacheFile && !cached) {
  writeFileSync(cacheFile, withPrefixes);
  writeFileSync(`${cacheFile}.queries.json`, JSON.stringify(queries));
}
console.log(
  `${cached ? 'loaded' : 'prepared'} in ${round(prepareMs, 0)} ms; engine without precomputed answers ${round(plainMs, 0)} ms, ` +
    `with them ${round(fastMs, 0)} ms (${cached ? 'read from the snapshot' : 'computed now'}); ` +
    `${prefixes?.terms.length ?? 0} words kept (${prefixes?.terms.filter((w) => w.length === 2).length ?? 0} of two letters), ` +
    `${round(prefixBytes / 2 ** 20, 2)} MiB of columns; snapshot ${round(withoutPrefixes.length / 1e6, 1)} → ${round(withPrefixes.length / 1e6, 1)} MB`,
);

/** A response without its documents (each hit carries one), to compare two engines' answers. */
const comparable = (response: SearchResponse) =>
  JSON.stringify({ ...response, hits: response.hits.map(({ document: _document, ...hit }) => hit) });

for (const query of queries.slice(0, 3)) {
  plain.search(query.text, { limit: LIMIT });
  fast.search(query.text, { limit: LIMIT });
}
const times: Record<'plain' | 'fast', number[][]> = { plain: [], fast: [] };
let different = 0;
for (let r = 0; r < rounds; r++) {
  times.plain.push([]);
  times.fast.push([]);
  queries.forEach((query, i) => {
    const answers: Partial<Record<'plain' | 'fast', SearchResponse>> = {};
    const order: ('plain' | 'fast')[] = (r + i) % 2 === 0 ? ['plain', 'fast'] : ['fast', 'plain'];
    for (const which of order) {
      const engine: SearchEngine = which === 'plain' ? plain : fast;
      const started = performance.now();
      answers[which] = engine.search(query.text, { limit: LIMIT });
      times[which][r]?.push(performance.now() - started);
    }
    if (
      r === 0 &&
      comparable(answers.plain as SearchResponse) !== comparable(answers.fast as SearchResponse)
    ) {
      different++;
      console.log(`  DIFFERENT: ${query.text}`);
    }
  });
}
console.log(`answers: ${queries.length - different} of ${queries.length} the same`);
for (const which of ['plain', 'fast'] as const) {
  const label = which === 'plain' ? 'searched   ' : 'precomputed';
  const medians = queries.map((_, i) => median(times[which].map((roundTimes) => roundTimes[i] ?? 0)));
  console.log(
    `${label}: first round ${summary(times[which][0] ?? [])}; each query's median of ${rounds}: ${summary(medians)}`,
  );
}
const slowest = queries
  .map((query, i) => ({ text: query.text, plain: times.plain[0]?.[i] ?? 0, fast: times.fast[0]?.[i] ?? 0 }))
  .sort((a, b) => b.plain - a.plain)
  .slice(0, 12);
console.log('slowest in the first round, searched → precomputed:');
for (const { text, plain: a, fast: b } of slowest)
  console.log(`  ${round(a).toFixed(2).padStart(8)} → ${round(b).toFixed(2).padStart(8)} ms  ${text}`);
const memory = process.memoryUsage();
console.log(
  `heap ${round(memory.heapUsed / 2 ** 20, 1)} MB, array buffers ${round(memory.arrayBuffers / 2 ** 20, 1)} MB`,
);
