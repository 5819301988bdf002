/**
 * `npm run bench:bibliography [-- --runs N]`: how soon the first formatted reference appears after
 * opening Bibliography, in Chromium against the built app (the web harness, `npm run web`). Needs a
 * build (npx electron-vite build).
 *
 * Two modes, taking turns so machine load hits both alike:
 *  - "main": `atmintis.csl.precomputed` set to "off" (csl-precomputed.ts): the CSL worker formats
 *    everything, first screen first, as the view did before the build precomputed the bundled lists;
 *  - "after": the default: the bundled list in the default style comes formatted from the build.
 * Each run uses fresh browser contexts (nothing cached, style compiled from scratch); the median of the
 * runs is reported, with:
 *  - clicked: the app open on Search, the reader clicks Bibliography in the navigation → the first
 *    formatted reference in the list (the real user path: the app has started already);
 *  - clicked rows: the same click → the list's entries shown (what the collection's loading costs);
 *  - first: navigation to #/bibliography (a fresh page) → the first formatted reference;
 *  - rows: navigation → the list's entries shown (titles and authors from the data);
 *  - whole: navigation → the whole list formatted (the list no longer aria-busy);
 *  - again: Bibliography opened a second time in the same window (after Search) → the first formatted
 *    reference (the worker and its per-style cache are still there);
 *  - longest task: the longest the UI thread was blocked in one go (Long Tasks API), navigation run.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openObservedPage, startHarness } from '../tests/support/web-harness';

const FIRST_REFERENCE = 'Anušauskas, A. 2012. Teroras, 1940–1958. Versus Aureus.';
const PRECOMPUTED_KEY = 'atmintis.csl.precomputed';

type Mode = 'main' | 'after';
const MODES = ['main', 'after'] as const;

interface Run {
  clickedRows: number;
  clicked: number;
  first: number;
  rows: number;
  whole: number;
  again: number;
  longestTask: number;
}

const KEYS = ['clickedRows', 'clicked', 'first', 'rows', 'whole', 'again', 'longestTask'] as const;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
}

async function openPage(browser: Browser, mode: Mode) {
  const observed = await openObservedPage(browser);
  await observed.context.addInitScript(
    ([key, off]) => {
      if (off) localStorage.setItem(key, 'off');
      else localStorage.removeItem(key);
      const scope = window as unknown as { longestTask: number };
      scope.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          scope.longestTask = Math.max(scope.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    },
    [PRECOMPUTED_KEY, mode === 'main'] as const,
  );
  return observed;
}

/**
 * The app open on Search (started, idle), then Bibliography clicked in the navigation. Timed in the page
 * (performance.now() at the click, and at the first frame after the DOM first holds the entries, then
 * the reference): Playwright's own waiting polls at up to 500 ms intervals, too coarse for this.
 */
async function measureClicked(
  browser: Browser,
  baseUrl: string,
  mode: Mode,
): Promise<{ clickedRows: number; clicked: number }> {
  const { page, context, errors } = await openPage(browser, mode);
  await page.goto(`${baseUrl}/#/search`);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 120_000 });
  await page.getByRole('searchbox').first().waitFor({ timeout: 120_000 });
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bibliography' });
  await link.waitFor();
  // A string, not a function: tsx would add its `__name` helper to a function, which the page lacks.
  const timing = page.evaluate(`new Promise((resolve) => {
    let clickedAt = 0;
    let rowsAt = 0;
    const frame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now())));
    document.addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const list = document.querySelector('ul.entry-list');
      if (!list || clickedAt === 0) return;
      if (rowsAt === 0 && list.querySelector('li')) {
        rowsAt = -1;
        void frame().then((at) => (rowsAt = at));
      }
      if (list.textContent.includes(${JSON.stringify(FIRST_REFERENCE)})) {
        observer.disconnect();
        void frame().then((at) => resolve({ clickedRows: Math.max(rowsAt, 0) - clickedAt, clicked: at - clickedAt }));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  })`) as Promise<{ clickedRows: number; clicked: number }>;
  await link.click();
  const figures = await timing;
  await context.close();
  if (errors.length > 0) throw new Error(`the page reported errors (${mode}):\n${errors.join('\n')}`);
  return { clickedRows: Math.round(figures.clickedRows), clicked: Math.round(figures.clicked) };
}

async function measure(browser: Browser, baseUrl: string, mode: Mode): Promise<Run> {
  const { clickedRows, clicked } = await measureClicked(browser, baseUrl, mode);
  const { page, context, errors } = await openPage(browser, mode);
  const list = page.getByRole('list', { name: 'Works' });
  const started = Date.now();
  await page.goto(`${baseUrl}/#/bibliography`);
  const rowsShown = list.getByRole('listitem').first().waitFor({ timeout: 120_000 });
  const rows = rowsShown.then(() => Date.now() - started);
  await list.getByRole('listitem').filter({ hasText: FIRST_REFERENCE }).waitFor({ timeout: 120_000 });
  const first = Date.now() - started;
  await page.locator('ul.entry-list[aria-busy="false"]').waitFor({ timeout: 120_000 });
  const whole = Date.now() - started;
  await page.goto(`${baseUrl}/#/search`);
  await list.waitFor({ state: 'detached' });
  const reopened = Date.now();
  await page.goto(`${baseUrl}/#/bibliography`);
  await list.getByRole('listitem').filter({ hasText: FIRST_REFERENCE }).waitFor({ timeout: 120_000 });
  const again = Date.now() - reopened;
  const longestTask = await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
  await context.close();
  if (errors.length > 0) throw new Error(`the page reported errors (${mode}):\n${errors.join('\n')}`);
  return { clickedRows, clicked, first, rows: await rows, whole, again, longestTask };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function main() {
  const runs = argument('runs', 5);
  const harness = await startHarness();
  const browser = await launchBrowser();
  const results: Record<Mode, Run[]> = { main: [], after: [] };
  try {
    // One unmeasured visit, so the server's first answers (collection read from disk) count for neither.
    await measure(browser, harness.baseUrl, 'after');
    for (let run = 0; run < runs; run += 1) {
      for (const mode of MODES) {
        const figures = await measure(browser, harness.baseUrl, mode);
        results[mode].push(figures);
        console.info(
          `${mode} run ${run + 1}: clicked → rows ${figures.clickedRows} ms, → first ${figures.clicked} ms, first ${figures.first} ms, rows ${figures.rows} ms, whole ${figures.whole} ms, again ${figures.again} ms, longest task ${Math.round(figures.longestTask)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
    await harness.stop();
  }
  console.info(
    `\nmedian of ${runs} runs (ms)   clicked → rows   clicked → first reference   navigation → first reference   rows shown   whole list   opened again   longest UI task`,
  );
  for (const mode of MODES) {
    const of = (key: keyof Run) => String(Math.round(median(results[mode].map((run) => run[key]))));
    console.info(
      `${mode.padEnd(24)} ${of('clickedRows').padStart(14)} ${of('clicked').padStart(25)} ${of('first').padStart(30)} ${of('rows').padStart(12)} ${of('whole').padStart(12)} ${of('again').padStart(14)} ${of('longestTask').padStart(17)}`,
    );
  }
  console.info(
    JSON.stringify({
      runs,
      median: Object.fromEntries(
        MODES.map((mode) => [
          mode,
          Object.fromEntries(
            KEYS.map((key) => [key, Math.round(median(results[mode].map((run) => run[key])))]),
          ),
        ]),
      ),
    }),
  );
}

await main();
