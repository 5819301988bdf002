/**
 * `npm run bench:reopen -- [--records N] [--json file]` — reopening a large imported collection in the
 * real renderer (issue 5: "reopening an imported 200k collection until the first search can run ≤ 2 s;
 * renderer + worker heap ≤ 500 MB").
 *
 * Imports N synthetic people (bench/synthetic-registry.ts, as CSV, with the import CLI) into the web
 * harness's data folder, then in Debian Chromium:
 *  1. first open: Search is opened and a name typed; the worker indexes every collection and saves
 *     the index (timed until the first results show);
 *  2. reopen, three times: a new tab opens Search and types the same name; the saved index is opened
 *     instead (timed from navigation to the first results, i.e. page load + index + one search);
 *  3. heap after the reopen: the page's and the search worker's V8 heaps and ArrayBuffers (Chrome
 *     DevTools Protocol), and the renderer processes' resident memory;
 *  4. heap after opening the found person's record page, which loads the whole collection into the
 *     page (collections.get): the cost of browsing a large collection, beside that of searching it.
 * The main process's resident memory is sampled while the index is saved (`main_rss_mb`), and
 * `save_ms_after_first_results` is the time from the first results until the saved file is in place
 * (it includes the worker's wait for searches to be quiet, 3 s).
 * Needs a build (npx electron-vite build). Default N = 200,000.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { registryCsv } from '../tests/e2e/registry-csv';
import { launchBrowser, startHarness } from '../tests/support/web-harness';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const records = Number(option('--records') ?? 200_000);
const jsonPath = option('--json') ?? null;
if (!Number.isInteger(records) || records <= 0) throw new Error('--records needs a whole number');

const QUERY = 'Vaivorykštaitė';
const round = (value: number) => Math.round(value);
const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

async function searchUntilResults(page: Page, baseUrl: string): Promise<number> {
  const started = performance.now();
  await page.goto(`${baseUrl}/#/search`);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(QUERY);
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('link', { name: /Zygmunta Vaivorykštaitė/ })
    .first()
    .waitFor({ timeout: 300_000 });
  return performance.now() - started;
}

interface HeapUsage {
  /** V8 heap in use. */
  used: number;
  /** ArrayBuffer contents (the saved index's bytes live here, outside the V8 heap). */
  buffers: number;
}

const usageOf = (result: Record<string, unknown>): HeapUsage => ({
  used: Number(result.usedSize ?? 0),
  buffers: Number(result.backingStorageSize ?? 0),
});

/** Heap of the page and of each dedicated worker, through the browser-wide DevTools session. */
async function heaps(browser: Browser, page: Page): Promise<{ page: HeapUsage; workers: HeapUsage[] }> {
  const pageSession: CDPSession = await page.context().newCDPSession(page);
  await pageSession.send('HeapProfiler.collectGarbage');
  const pageHeap = usageOf(
    (await pageSession.send('Runtime.getHeapUsage')) as unknown as Record<string, unknown>,
  );
  const browserSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const workers: HeapUsage[] = [];
  for (const target of targetInfos.filter((info) => info.type === 'worker')) {
    const { sessionId } = await browserSession.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    const call = (id: number, method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const onMessage = (event: { sessionId?: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (event.sessionId !== sessionId || reply.id !== id) return;
          browserSession.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result ?? {});
        };
        browserSession.on('Target.receivedMessageFromTarget', onMessage);
        void browserSession.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        });
      });
    await call(1, 'HeapProfiler.collectGarbage');
    workers.push(usageOf(await call(2, 'Runtime.getHeapUsage')));
    await browserSession.send('Target.detachFromTarget', { sessionId });
  }
  return { page: pageHeap, workers };
}

/**
 * The harness's main process (the one serving the data folder: its command line names it, and it is the
 * largest of the npm → tsx → node chain), with its resident memory now and its peak so far (VmHWM), in
 * bytes, from /proc (Linux).
 */
function mainProcessMemory(dataDir: string): { rss: number; peak: number } | null {
  const rows = spawnSync('ps', ['-eo', 'pid=,rss=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && (match[3] ?? '').includes(dataDir))
    .map(([, pid, rss]) => ({ pid: Number(pid), rss: Number(rss) }))
    .sort((a, b) => b.rss - a.rss);
  const server = rows[0];
  if (!server) return null;
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: server.rss * 1024, peak: 0 };
  }
}

/** Resident memory of this benchmark's Chromium renderer processes (page and workers), from ps. */
function rendererRssBytes(): number {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, pid, ppid, rss, args]) => ({ pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args }));
  // Only descendants of this process: other Chromiums on the machine are not ours to count.
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (!ours.has(row.pid) && ours.has(row.ppid)) {
        ours.add(row.pid);
        grew = true;
      }
    }
  }
  return rows
    .filter((row) => ours.has(row.pid) && (row.args ?? '').includes('--type=renderer'))
    .reduce((sum, row) => sum + row.rss * 1024, 0);
}

async function main(): Promise<void> {
  if (!existsSync('out/renderer/index.html')) throw new Error('No build: run npx electron-vite build');
  const folder = mkdtempSync(join(tmpdir(), 'atmintis-reopen-'));
  const csv = join(folder, 'registry.csv');
  writeFileSync(
    csv,
    `${registryCsv({ persons: records - 1 })}bench-last,Zygmunta Vaivorykštaitė,Зыгмунта Ваиворыкштаите,1920,Utena,Operation Vesna,Irkutsk Oblast,1948-05-22\n`,
  );
  const harness = await startHarness();
  const browser = await launchBrowser();
  try {
    let t = performance.now();
    const imported = spawnSync(
      'npx',
      ['tsx', 'scripts/import.ts', csv, '--data-dir', harness.dataDir, '--title', 'Synthetic registry'],
      { encoding: 'utf8' },
    );
    if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
    const importMs = performance.now() - t;
    console.log(`Imported ${records} synthetic people with the CLI in ${round(importMs)} ms.`);

    const context = await browser.newContext();
    const first = await context.newPage();
    const firstOpenMs = await searchUntilResults(first, harness.baseUrl);
    console.log(`First open (index built from the collections): ${round(firstOpenMs)} ms`);
    const saved = join(harness.dataDir, 'search-index', 'snapshot.bin');
    // The main process's memory while the index is saved: sampled every 50 ms from the first results
    // (the snapshot is made once searches are quiet) until the file is in place.
    const mainBefore = mainProcessMemory(harness.dataDir);
    let mainSavePeak = mainBefore?.rss ?? 0;
    t = performance.now();
    while (!existsSync(saved)) {
      if (performance.now() - t > 300_000) throw new Error('the search index was never saved');
      mainSavePeak = Math.max(mainSavePeak, mainProcessMemory(harness.dataDir)?.rss ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const saveMs = performance.now() - t;
    const savedMs = firstOpenMs + saveMs;
    const mainAfter = mainProcessMemory(harness.dataDir);
    console.log(`Index saved ${round(savedMs)} ms after opening Search: ${mb(statSync(saved).size)} MB`);
    console.log(
      `Main process while saving: ${mb(mainBefore?.rss ?? 0)} MB before, peak ${mb(mainSavePeak)} MB`,
    );
    await first.close();

    const reopenMs: number[] = [];
    let last: Page | null = null;
    for (let i = 0; i < 3; i++) {
      await last?.close();
      last = await context.newPage();
      reopenMs.push(await searchUntilResults(last, harness.baseUrl));
      console.log(`Reopen ${i + 1} (saved index): ${round(reopenMs[i] as number)} ms`);
    }
    const heap = await heaps(browser, last as Page);
    const rss = rendererRssBytes();

    t = performance.now();
    await (last as Page)
      .getByRole('list', { name: 'Search results' })
      .getByRole('link', { name: /Zygmunta Vaivorykštaitė/ })
      .first()
      .click();
    await (last as Page)
      .getByRole('heading', { level: 1, name: 'Zygmunta Vaivorykštaitė' })
      .waitFor({ timeout: 300_000 });
    const recordMs = performance.now() - t;
    const recordHeap = await heaps(browser, last as Page);
    const report = {
      records,
      import_cli_ms: round(importMs),
      first_open_ms: round(firstOpenMs),
      index_saved_after_ms: round(savedMs),
      save_ms_after_first_results: round(saveMs),
      main_rss_mb: {
        before_save: mb(mainBefore?.rss ?? 0),
        peak_during_save_sampled: mb(mainSavePeak),
        after_save: mb(mainAfter?.rss ?? 0),
        peak_since_start: mb(mainAfter?.peak ?? 0),
      },
      index_file_mb: mb(statSync(saved).size),
      reopen_ms: reopenMs.map(round),
      reopen_median_ms: round([...reopenMs].sort((a, b) => a - b)[1] as number),
      heap_mb: {
        page: mb(heap.page.used),
        workers: heap.workers.map((worker) => mb(worker.used)),
        array_buffers: mb(heap.page.buffers + heap.workers.reduce((sum, w) => sum + w.buffers, 0)),
        total: mb([heap.page, ...heap.workers].reduce((sum, usage) => sum + usage.used + usage.buffers, 0)),
      },
      renderer_rss_mb: mb(rss),
      record_page: {
        open_ms: round(recordMs),
        page_heap_mb: mb(recordHeap.page.used),
        renderer_rss_mb: mb(rendererRssBytes()),
      },
      note: 'reopen: navigation to first results in a new tab (page load, saved index read through the loopback HTTP transport, opened in the worker, one search)',
    };
    const text = JSON.stringify(report, null, 2);
    console.log(text);
    if (jsonPath) writeFileSync(jsonPath, `${text}\n`);
    await context.close();
  } finally {
    await browser.close();
    await harness.stop();
  }
}

await main();
