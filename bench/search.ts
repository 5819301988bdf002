/**
 * `npm run bench:search` — search latency, measured the way users meet it.
 *
 * 1. Worker latency (Node worker_threads running the same code as the renderer's search worker): for
 *    the bundled collection and a generated registry of 50,000 synthetic people, every prefix of each
 *    query in a typed sequence is searched, one at a time; p50/p95/max of the round trip (post →
 *    answer, including the structured clone) and of the search itself, side by side with plain Fuse.js
 *    with default options over the same documents.
 * 2. Long tasks in Chromium: the real app (npm run web, built) is opened on Search, and the queries are
 *    typed key by key; a PerformanceObserver records every long task (≥ 50 ms) on the UI thread.
 *    Skip with --no-browser (it needs a build: npx electron-vite build).
 *
 * 3. With --records N: the scale comparison of bench/scale-compare.ts instead (Atmintis, plain Fuse,
 *    uFuzzy and MiniSearch over N synthetic people), written as JSON to --json <file> if given.
 *
 * Options: --persons N (default 50000), --no-browser, --browser-only, --records N, --json <file>.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadCollectionFromDirectory } from '../src/main/collection/load-collection';
import type { LoadedCollection } from '@shared/collection/model';
import { launchBrowser, openObservedPage, startHarness } from '../tests/support/web-harness';
import type { BenchRequest, BenchResponse } from './search-worker';
import { runScaleComparison } from './scale-compare';
import { generateSyntheticRegistry } from './synthetic-registry';

const args = process.argv.slice(2);
const persons = Number(args[args.indexOf('--persons') + 1]) || 50_000;
const withBrowser = !args.includes('--no-browser');
const withWorkers = !args.includes('--browser-only');
const records = args.includes('--records') ? Number(args[args.indexOf('--records') + 1]) : null;
const jsonPath = args.includes('--json') ? (args[args.indexOf('--json') + 1] ?? null) : null;
if (records !== null && !(Number.isInteger(records) && records > 0))
  throw new Error('--records needs a whole number of people, e.g. --records 200000');

export const BUNDLED_QUERIES = [
  'Krasnojarskas',
  'Grinkeviciute',
  'Прибой',
  'operation vesna 1948',
  'НКВД',
  'miško broliai',
  'Zemskov',
  'kind:place Igarka',
];
export const REGISTRY_QUERIES = [
  'Kazlauskas',
  'Ионас Казлаускас',
  'Šimkus',
  'Jonaitiene',
  'Krasnoyarsk Krai',
  'vesna 1948',
  'Petrauskaite Ona',
];

/** Every prefix of every query, as a user types them. */
export const typedSequence = (queries: readonly string[]): string[] =>
  queries.flatMap((query) => [...query].map((_, i) => query.slice(0, i + 1)));

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

async function measureInWorker(
  engine: 'atmintis' | 'fuse-default',
  collection: LoadedCollection,
  sequence: readonly string[],
) {
  // The worker loads TypeScript through tsx's loader, registered before the entry is imported.
  const entry = new URL('./search-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
  const next = () => new Promise<BenchResponse>((resolveMessage) => worker.once('message', resolveMessage));
  try {
    const ready = next();
    worker.postMessage({ type: 'setup', engine, collection } satisfies BenchRequest);
    const setup = await ready;
    if (setup.type !== 'ready') throw new Error('worker did not get ready');
    // One untimed pass warms the JIT, as a user's first searches would.
    for (const query of sequence.slice(0, 5)) {
      const answer = next();
      worker.postMessage({ type: 'search', seq: 0, query } satisfies BenchRequest);
      await answer;
    }
    const roundTrips: number[] = [];
    const searches: number[] = [];
    let seq = 0;
    for (const query of sequence) {
      const answer = next();
      const started = performance.now();
      worker.postMessage({ type: 'search', seq: ++seq, query } satisfies BenchRequest);
      const response = await answer;
      roundTrips.push(performance.now() - started);
      if (response.type === 'results') searches.push(response.ms);
    }
    return {
      documents: setup.documents,
      indexMs: setup.ms,
      roundTrip: stats(roundTrips),
      search: stats(searches),
    };
  } finally {
    await worker.terminate();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

async function workerBenchmarks() {
  const loaded = await loadCollectionFromDirectory(
    resolve(import.meta.dirname, '../resources/collections/lt-deportations-1940-1953'),
  );
  if (!loaded.ok) throw new Error(loaded.error.message);
  const started = performance.now();
  const registry = generateSyntheticRegistry({ persons });
  console.log(`Generated ${persons} synthetic people in ${(performance.now() - started).toFixed(0)} ms.\n`);

  const runs = [
    { name: 'bundled collection', collection: loaded.value, sequence: typedSequence(BUNDLED_QUERIES) },
    {
      name: `synthetic registry (${persons} people)`,
      collection: registry,
      sequence: typedSequence(REGISTRY_QUERIES),
    },
  ];
  console.log(
    'collection'.padEnd(40) +
      'engine'.padEnd(16) +
      'docs'.padStart(7) +
      '   index'.padStart(12) +
      '  search p50' +
      '  search p95' +
      '  search max' +
      '  trip p50' +
      '  trip p95',
  );
  for (const run of runs) {
    for (const engine of ['atmintis', 'fuse-default'] as const) {
      const result = await measureInWorker(engine, run.collection, run.sequence);
      console.log(
        run.name.padEnd(40) +
          engine.padEnd(16) +
          String(result.documents).padStart(7) +
          ms(result.indexMs).padStart(12) +
          ms(result.search.p50).padStart(12) +
          ms(result.search.p95).padStart(12) +
          ms(result.search.max).padStart(12) +
          ms(result.roundTrip.p50) +
          ms(result.roundTrip.p95),
      );
    }
  }
  console.log(
    `\n(${typedSequence(BUNDLED_QUERIES).length} and ${typedSequence(REGISTRY_QUERIES).length} typed prefixes; ` +
      '"fuse-default" is new Fuse(documents, { keys }) with Fuse\'s default options, which neither folds ' +
      'scripts nor requires every word; it is shown for speed, not relevance.)',
  );
}

interface LongTaskReport {
  count: number;
  totalMs: number;
  maxMs: number;
  keystrokes: number;
  typingMs: number;
}

async function longTaskBenchmark(): Promise<void> {
  const harness = await startHarness();
  const browser = await launchBrowser();
  try {
    const { page, context, errors } = await openObservedPage(browser);
    await page.goto(`${harness.baseUrl}/#/search`);
    const searchbox = page.getByRole('searchbox', { name: 'Search' });
    await searchbox.waitFor();
    // Wait until the index is ready, so the measure covers typing, not start-up.
    await searchbox.fill('ab');
    await page
      .getByRole('status')
      .filter({ hasText: /result|Nothing matches|Keep typing/ })
      .waitFor();
    await searchbox.fill('');
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    const started = Date.now();
    let keystrokes = 0;
    for (const query of BUNDLED_QUERIES) {
      await searchbox.fill('');
      await searchbox.pressSequentially(query, { delay: 40 });
      keystrokes += [...query].length;
      await page
        .getByRole('status')
        .filter({ hasText: /result|Nothing matches/ })
        .waitFor();
    }
    const durations = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const report: LongTaskReport = {
      count: durations.length,
      totalMs: durations.reduce((a, b) => a + b, 0),
      maxMs: Math.max(0, ...durations),
      keystrokes,
      typingMs: Date.now() - started,
    };
    console.log(
      `\nChromium, real UI (bundled collection): ${report.keystrokes} keystrokes over ${report.typingMs} ms; ` +
        `long tasks on the UI thread: ${report.count} (total ${report.totalMs.toFixed(0)} ms, ` +
        `longest ${report.maxMs.toFixed(0)} ms).`,
    );
    if (errors.length > 0) console.log(`Console errors: ${errors.join('; ')}`);
    await context.close();
  } finally {
    await browser.close();
    await harness.stop();
  }
}

if (records !== null) {
  await runScaleComparison(records, jsonPath);
} else {
  if (withWorkers) await workerBenchmarks();
  if (withBrowser) await longTaskBenchmark();
}
