/**
 * `npm run bench:import -- [--rows 200000] [--columns 20|8] [--browser] [--profile]`: writes a
 * synthetic registry CSV (20 columns, bench/registry-csv.ts; or, with `--columns 8`, the end-to-end
 * test's 8 columns, tests/e2e/registry-csv.ts) to a temporary folder and imports it with the real CLI
 * (`npm run import`) into a temporary data folder, twice: a dry run (read, map and check only) and a
 * full import (also validated as a package and written). Prints rows per second for each. With
 * `--browser` the same file is then imported through the Import page in Chromium
 * (bench/import-browser.ts; needs `npx electron-vite build`), with the split of where the time went;
 * `--profile` adds the hottest functions of the page and the worker; `--browser-only` skips the CLI;
 * `--repeat N` imports N times in the browser.
 * Target: ≥ 10,000 rows/s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrowserImport } from './import-browser';
import { registryCsv } from '../tests/e2e/registry-csv';
import { registryCsv20 } from './registry-csv';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    // 8: the end-to-end test's registry (tests/e2e/registry-csv.ts) instead of the 20-column one.
    columns: { type: 'string', default: '20' },
    browser: { type: 'boolean', default: false },
    'browser-only': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    // Browser imports in a row (the CLI runs once): figures on a shared machine vary from run to run.
    repeat: { type: 'string', default: '1' },
    trace: { type: 'string' },
  },
});
const rows = Number(values.rows);
const root = resolve(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'atmintis-bench-import-'));
const load = () => loadavg()[0]?.toFixed(1) ?? '?';
try {
  const eight = values.columns === '8';
  const file = join(folder, eight ? 'registry-8.csv' : 'registry-20.csv');
  writeFileSync(file, eight ? registryCsv({ persons: rows }) : registryCsv20(rows));
  console.log(
    `${rows} rows × ${eight ? 8 : 20} columns, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`,
  );
  for (const dryRun of values['browser-only'] ? [] : [true, false]) {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'scripts/import.ts'),
        file,
        '--data-dir',
        join(folder, 'data'),
        ...(dryRun ? ['--dry-run'] : []),
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) {
      console.error(run.stderr.slice(0, 4000));
      process.exit(1);
    }
    const last = run.stdout.trim().split('\n').at(-1);
    console.log(
      `CLI ${dryRun ? 'dry run (read, map, check)' : 'full import (and validate, write)'}: ${seconds.toFixed(1)} s wall, ` +
        `${Math.round(rows / seconds)} rows/s (load ${load()}) — ${last}`,
    );
  }
  const browserRuns = values.browser || values['browser-only'] ? Math.max(1, Number(values.repeat)) : 0;
  for (let runIndex = 0; runIndex < browserRuns; runIndex++) {
    const figures = await benchBrowserImport({
      csvPath: file,
      rows,
      profile: values.profile,
      ...(values.trace ? { tracePath: resolve(values.trace) } : {}),
    });
    console.log(
      `browser import${browserRuns > 1 ? ` ${runIndex + 1}/${browserRuns}` : ''} (Import page, Chromium, web harness): ${figures.seconds.toFixed(1)} s wall, ` +
        `${figures.rowsPerSecond} rows/s (load ${load()})`,
    );
    if (figures.split) {
      const sec = (key: string) =>
        figures.split?.[key] === undefined ? '?' : `${((figures.split[key] ?? 0) / 1000).toFixed(1)} s`;
      console.log(
        `  worker: parse ${sec('workerParseMs')}, map ${sec('workerMapMs')}, serialise ${sec('workerEncodeMs')}, ` +
          `post ${sec('workerPostMs')} (run ${sec('workerRunMs')})`,
      );
      console.log(
        `  page: waiting for the worker ${sec('waitingForWorkerMs')}, for the appends (transfer + main append, ` +
          `every slot taken) ${sec('waitingForMainMs')}; append round trips ${sec('appendRoundTripsMs')} ` +
          `over ${figures.split['parts'] ?? '?'} parts; commit ${sec('commitMs')}`,
      );
    }
    if (figures.mainCpuSeconds !== undefined) {
      const busy = figures.mainCpuSeconds;
      console.log(
        `  main process (harness) CPU, appends and commit: ${busy.toFixed(1)} s of ${figures.seconds.toFixed(1)} s ` +
          `(idle ≈ ${Math.max(0, 100 - (100 * busy) / figures.seconds).toFixed(0)} %)`,
      );
    }
    for (const [thread, top] of Object.entries(figures.hotspots ?? {})) {
      console.log(`  hottest in ${thread}:`);
      for (const { fn, ms } of top) console.log(`    ${String(ms).padStart(6)} ms  ${fn}`);
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
