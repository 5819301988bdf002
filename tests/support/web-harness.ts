import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testBrowser } from './find-browser';

/**
 * End-to-end harness: runs the real `npm run web` script (real renderer build, real main-process handlers)
 * and drives Chromium against it with playwright-core (which Chromium: ./find-browser.ts).
 */
export interface Harness {
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Folders of extra collections to serve besides resources/collections (`--collections-dir`). */
  collectionsDirs?: readonly string[];
  /** The folder "Add photos…" picks from (`--photos-pick-dir`, test-only: the harness has no dialog). */
  photosPickDir?: string;
}

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * `npm run web`'s own command, from package.json, run as `node --import tsx <script>`: the same program
 * `tsx <script>` runs, without starting npm and tsx's launcher first (two Node start-ups, 1–2 s on a
 * loaded machine, for each of the e2e files' harnesses).
 */
export function webCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /^tsx ([\w./-]+\.ts)$/.exec(scripts.web ?? '');
  if (!match?.[1]) {
    throw new Error(
      `package.json's "web" script is "${scripts.web}"; tests/support/web-harness.ts runs it as "tsx <script>.ts": update it to match`,
    );
  }
  return ['--import', 'tsx', match[1]];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atmintis-e2e-'));
  const extra = [
    ...(options.collectionsDirs ?? []).flatMap((dir) => ['--collections-dir', dir]),
    ...(options.photosPickDir ? ['--photos-pick-dir', options.photosPickDir] : []),
  ];
  const child: ChildProcess = spawn(
    process.execPath,
    [...webCommand(), '--port', '0', '--no-build', '--data-dir', dataDir, ...extra],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm run web did not start in time:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run web exited with ${code}:\n${output}`));
    });
  });
  return {
    baseUrl,
    dataDir,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** Flags a root, offline, headless Chromium needs here (no sandbox as root; no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  const { executablePath } = await testBrowser();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface ObservedPage {
  page: Page;
  context: BrowserContext;
  /** Every request the page made (URLs), to prove nothing left the app's origin. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

export async function openObservedPage(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
) {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  const page = await context.newPage();
  const observed: ObservedPage = { page, context, requests: [], errors: [] };
  context.on('request', (request) => observed.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') observed.errors.push(message.text());
  });
  page.on('pageerror', (error) => observed.errors.push(error.message));
  return observed;
}

/** Requests that went anywhere but the app's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests: readonly string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
}
