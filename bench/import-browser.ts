/**
 * The browser half of `npm run bench:import -- --browser`: imports a CSV through the real Import page
 * in Chromium (the web harness, `npm run web`, real main-process handlers) and reports rows/s and where
 * the time went:
 *  - the worker's own split (parse + map, and posting batches to the page), sent with its `done`;
 *  - the page's split (waiting on appends, on commit), from the `atmintis-import` performance measure
 *    ImportRun leaves behind;
 *  - the harness process group's CPU time during the import (Linux /proc), so main-process busy vs idle;
 *  - with `profile`, a Chromium CPU profile (trace) of the page and the worker: the hottest functions.
 * Needs a build (npx electron-vite build).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startHarness } from '../tests/support/web-harness';

export interface BrowserImportFigures {
  seconds: number;
  rowsPerSecond: number;
  /** The split measured by ImportRun and the worker (ms), when the build has it. */
  split?: Record<string, number>;
  /** CPU seconds of the harness (main process) during the import, when /proc can tell. */
  mainCpuSeconds?: number;
  /** Hottest functions per thread (self time, ms), with `profile`. */
  hotspots?: Record<string, { fn: string; ms: number }[]>;
}

/** CPU seconds (user + system) of every process in the harness's process group. */
function groupCpuSeconds(dataDir: string): number | undefined {
  try {
    const ticks = 100; // USER_HZ on Linux
    const stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map((pid) => {
        try {
          return {
            cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
            stat: readFileSync(`/proc/${pid}/stat`, 'utf8'),
          };
        } catch {
          return null;
        }
      })
      .filter((p): p is { cmd: string; stat: string } => p !== null);
    // Fields after the ")" that closes the command name: state is [0], pgrp [2], utime [11], stime [12].
    const fields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const server = stats.find((p) => p.cmd.includes('scripts/web.ts') && p.cmd.includes(dataDir));
    if (!server) return undefined;
    const group = fields(server.stat)[2];
    return (
      stats
        .map((p) => fields(p.stat))
        .filter((f) => f[2] === group)
        .reduce((sum, f) => sum + Number(f[11]) + Number(f[12]), 0) / ticks
    );
  } catch {
    return undefined;
  }
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: {
        nodes?: { id: number; callFrame: { functionName: string; url?: string; lineNumber: number } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

/** Self time per function from a Chromium trace's V8 CPU profile chunks, per thread. */
function hotspotsOf(trace: Buffer, top = 12): Record<string, { fn: string; ms: number }[]> {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  }
  const profiles = new Map<
    string,
    { thread: string; names: Map<number, string>; samples: number[]; deltas: number[] }
  >();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.args?.data) continue;
    const key = `${e.pid}:${e.id}`;
    let profile = profiles.get(key);
    if (!profile) {
      profile = {
        thread: threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`,
        names: new Map(),
        samples: [],
        deltas: [],
      };
      profiles.set(key, profile);
    }
    for (const node of e.args.data.cpuProfile?.nodes ?? []) {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = (url ?? '').split('/').at(-1) ?? '';
      profile.names.set(
        node.id,
        file === ''
          ? functionName || '(anonymous)'
          : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`,
      );
    }
    profile.samples.push(...(e.args.data.cpuProfile?.samples ?? []));
    profile.deltas.push(...(e.args.data.timeDeltas ?? []));
  }
  const out: Record<string, { fn: string; ms: number }[]> = {};
  for (const profile of profiles.values()) {
    const self = new Map<string, number>();
    // A sample's time is the delta to the next one.
    profile.samples.forEach((node, i) => {
      const name = profile.names.get(node) ?? String(node);
      self.set(name, (self.get(name) ?? 0) + (profile.deltas[i + 1] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    if (total < 500) continue;
    const label = `${profile.thread} (${Math.round(total)} ms sampled)`;
    out[label] = [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
  }
  return out;
}

async function importOnce(browser: Browser, page: Page, baseUrl: string, csvPath: string, rows: number) {
  await page.goto(`${baseUrl}/#/import`);
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  await page.getByLabel('File to import').setInputFiles(csvPath);
  await page.getByText(/: CSV\/TSV table/).waitFor({ timeout: 120_000 });
  await page.getByLabel('Title').fill('Synthetic bench registry');
  const count = new Intl.NumberFormat('en').format(rows);
  const button = page.getByRole('button', { name: 'Import', exact: true });
  return { button, done: page.locator('.import-done').filter({ hasText: `: ${count} records.` }) };
}

export async function benchBrowserImport(options: {
  csvPath: string;
  rows: number;
  profile?: boolean;
  /** Where to keep the raw trace (for chrome://tracing or DevTools), with `profile`. */
  tracePath?: string;
}): Promise<BrowserImportFigures> {
  const [harness, browser] = await Promise.all([startHarness(), launchBrowser()]);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { button, done } = await importOnce(browser, page, harness.baseUrl, options.csvPath, options.rows);
    if (options.profile) {
      await browser.startTracing(page, {
        categories: ['disabled-by-default-v8.cpu_profiler', 'v8.execute', '__metadata'],
      });
    }
    const cpuBefore = groupCpuSeconds(harness.dataDir);
    const started = performance.now();
    await button.click();
    await done.waitFor({ timeout: 600_000 });
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = groupCpuSeconds(harness.dataDir);
    const trace = options.profile ? await browser.stopTracing() : undefined;
    if (trace && options.tracePath) writeFileSync(options.tracePath, trace);
    const split = await page.evaluate(() => {
      const entry = performance.getEntriesByName('atmintis-import').at(-1) as PerformanceMeasure | undefined;
      return (entry?.detail as Record<string, number> | undefined) ?? undefined;
    });
    await context.close();
    return {
      seconds,
      rowsPerSecond: Math.round(options.rows / seconds),
      ...(split ? { split } : {}),
      ...(cpuBefore !== undefined && cpuAfter !== undefined ? { mainCpuSeconds: cpuAfter - cpuBefore } : {}),
      ...(trace ? { hotspots: hotspotsOf(trace) } : {}),
    };
  } finally {
    await browser.close();
    await harness.stop();
  }
}
