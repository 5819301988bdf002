/**
 * `npm run bench:import -- [--rows 200000]`: writes a synthetic 20-column registry CSV
 * (bench/registry-csv.ts) to a temporary folder and imports it with the real CLI (`npm run import`)
 * into a temporary data folder, twice: a dry run (read, map and check only) and a full import (also
 * validated as a package and written). Prints rows per second for each. Target: ≥ 10,000 rows/s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { registryCsv20 } from './registry-csv';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' } } });
const rows = Number(values.rows);
const root = resolve(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'atmintis-bench-import-'));
try {
  const file = join(folder, 'registry-20.csv');
  writeFileSync(file, registryCsv20(rows));
  console.log(`${rows} rows × 20 columns, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);
  for (const dryRun of [true, false]) {
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
      `${dryRun ? 'dry run (read, map, check)' : 'full import (and validate, write)'}: ${seconds.toFixed(1)} s wall, ` +
        `${Math.round(rows / seconds)} rows/s — ${last}`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
