import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  launchBrowser,
  openObservedPage,
  startHarness,
  type Harness,
  type HarnessOptions,
  type ObservedPage,
} from './web-harness';

/**
 * The set-up every end-to-end file shares: `npm run web` started and Chromium launched before the
 * file's tests, both stopped after them, and pages opened with the file's own colour scheme, window
 * size and interface language. Call at the top level of a test file:
 *
 *   const e2e = useE2e();
 *   it('…', async () => {
 *     const { page, context } = await e2e.visit('/reader', { language: 'lt' });
 *     …
 *     await context.close();
 *   });
 */

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  /** The window's size in CSS px (Playwright's default is 1280×720). */
  viewport?: { width: number; height: number };
  /** The interface language, set before the app's first script runs (as a saved choice would be). */
  language?: 'en' | 'lt';
}

export interface E2e {
  readonly harness: Harness;
  readonly browser: Browser;
  /** The harness's address, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
  /** The full address of a route: `url('/reader')` is `<baseUrl>/#/reader`. */
  url(route: string): string;
  /** A page in a context of its own, with its requests and errors recorded. */
  open(options?: PageOptions): Promise<ObservedPage>;
  /** `open`, then go to `route` on this harness (or on `on`, another one the file started). */
  visit(route: string, options?: PageOptions & { on?: Harness }): Promise<ObservedPage>;
}

export interface E2eOptions {
  /**
   * Folders of extra collections to serve (`--collections-dir`); a function when the folders are made
   * as the harness starts (copied fixtures in a temporary directory).
   */
  collectionsDirs?: readonly string[] | (() => readonly string[]);
  /** How long starting may take, in ms, when it takes longer than Vitest's hook timeout. */
  timeout?: number;
  /** The folder "Add photos…" picks from (`--photos-pick-dir`); a function when it is made as the
   *  harness starts. */
  photosPickDir?: string | (() => Promise<string>);
}

async function harnessOptions({ collectionsDirs, photosPickDir }: E2eOptions): Promise<HarnessOptions> {
  return {
    collectionsDirs: typeof collectionsDirs === 'function' ? collectionsDirs() : collectionsDirs,
    ...(photosPickDir
      ? { photosPickDir: typeof photosPickDir === 'function' ? await photosPickDir() : photosPickDir }
      : {}),
  };
}

/**
 * A fresh folder holding only the fixture collection `name` (tests/fixtures/collections/<name>), to
 * serve with `collectionsDirs` without serving the other fixtures beside it.
 */
export function fixtureCollections(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `atmintis-e2e-${name}-`));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'collections', name), join(folder, name), {
    recursive: true,
  });
  return folder;
}

/** The address of `route` on a harness. */
export const routeUrl = (harness: Harness, route: string): string => `${harness.baseUrl}/#${route}`;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started: use it inside a test, not at load time`);
  return value;
}

/** A harness alone, for files that drive a browser of their own (persistent profiles) or need two. */
export function useHarness(options: E2eOptions = {}): { readonly harness: Harness } {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(await harnessOptions(options));
  }, options.timeout);
  afterAll(async () => {
    await harness?.stop();
  });
  return {
    get harness() {
      return required(harness, 'The web harness');
    },
  };
}

/** The harness and a browser for one test file (see the comment at the top). */
export function useE2e(options: E2eOptions = {}): E2e {
  let harness: Harness | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [harness, browser] = await Promise.all([harnessOptions(options).then(startHarness), launchBrowser()]);
  }, options.timeout);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  const e2e: E2e = {
    get harness() {
      return required(harness, 'The web harness');
    },
    get browser() {
      return required(browser, 'The browser');
    },
    get baseUrl() {
      return e2e.harness.baseUrl;
    },
    url: (route) => routeUrl(e2e.harness, route),
    open: async ({ colorScheme, viewport, language } = {}) => {
      const observed = await openObservedPage(e2e.browser, { colorScheme, viewport });
      if (language) {
        await observed.context.addInitScript(
          (value) => localStorage.setItem('atmintis.language', value),
          language,
        );
      }
      return observed;
    },
    visit: async (route, { on, ...options } = {}) => {
      const observed = await e2e.open(options);
      await observed.page.goto(routeUrl(on ?? e2e.harness, route));
      return observed;
    },
  };
  return e2e;
}
