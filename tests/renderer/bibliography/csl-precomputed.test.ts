/**
 * The lists the build formats ahead of time (precompute-bundled.ts, as electron.vite.config.ts runs
 * it) are exactly what the CSL worker's handler formats for the same data, so they can never drift;
 * and the page uses one only when its key matches the bibliography it got, asking the worker otherwise.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '@shared/collection/schema';
import { PRECOMPUTED_OPTIONS, precomputeBundled } from '@shared/citations/precompute-bundled';
import { findPrecomputed, type PrecomputedFile } from '@shared/citations/precomputed';
import { CITATION_STYLES, CSL_LOCALES } from '@shared/citations/styles';
import { CslClient, type CslPort } from '../../../src/renderer/src/bibliography/csl-client';
import { collectSources, createCslHandler } from '../../../src/renderer/src/bibliography/csl-handler';
import type {
  CslRequestMessage,
  CslResponseMessage,
} from '../../../src/renderer/src/bibliography/csl-protocol';

const RESOURCES = resolve(import.meta.dirname, '../../../resources');
const read = (path: string) => readFile(resolve(RESOURCES, path), 'utf8');
const BIBLIOGRAPHY_TEXT = await read('collections/lt-deportations-1940-1953/bibliography.json');
// As the page gets it: parsed from JSON (the main process sends it over a channel).
const BUNDLED = JSON.parse(BIBLIOGRAPHY_TEXT) as CslItem[];

const styleFile = (id: string) => CITATION_STYLES.find((style) => style.id === id)?.file ?? '';
const localeFile = (id: string) => CSL_LOCALES.find((locale) => locale.id === id)?.file ?? '';

async function buildFile(): Promise<PrecomputedFile> {
  const styles = Object.fromEntries(
    await Promise.all(CITATION_STYLES.map(async (style) => [style.id, await read(`csl/${style.file}`)])),
  );
  const locales = Object.fromEntries(
    await Promise.all(CSL_LOCALES.map(async (locale) => [locale.id, await read(`csl/${locale.file}`)])),
  );
  return precomputeBundled([BIBLIOGRAPHY_TEXT], { styles, locales });
}

function fakePort() {
  const sent: CslRequestMessage[] = [];
  let listener: ((event: MessageEvent<CslResponseMessage>) => void) | null = null;
  const port: CslPort = {
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, next) => (listener = next),
    terminate: () => undefined,
  };
  const answer = (response: CslResponseMessage) =>
    listener?.({ data: response } as MessageEvent<CslResponseMessage>);
  return { port, sent, answer };
}

describe('precomputed bibliographies', { timeout: 180_000 }, () => {
  it('equal what the CSL worker formats for the same data, in each precomputed style and locale', async () => {
    const file = await buildFile();
    expect(file.bibliographies).toHaveLength(PRECOMPUTED_OPTIONS.length);
    const handle = createCslHandler((options) =>
      collectSources(
        options,
        (style) => read(`csl/${styleFile(style)}`),
        (locale) => read(`csl/${localeFile(locale)}`),
      ),
    );
    for (const [index, options] of PRECOMPUTED_OPTIONS.entries()) {
      const answer = await handle({ id: index, request: { type: 'bibliography', items: BUNDLED, options } });
      expect(answer.ok).toBe(true);
      const precomputed = findPrecomputed(file, BUNDLED, options);
      expect(precomputed).not.toBeNull();
      expect(precomputed?.references.length).toBeGreaterThan(0);
      // Through JSON, as the page reads the asset.
      expect(JSON.parse(JSON.stringify(precomputed))).toEqual(answer.ok ? answer.value : null);
    }
  });

  it('are used by the page only for the very data, style and locale they were made for', async () => {
    const file = await buildFile();
    const options = PRECOMPUTED_OPTIONS[0] ?? { style: 'chicago-author-date', locale: 'en-US' };
    const lookup = (items: readonly CslItem[], wanted: typeof options) =>
      Promise.resolve(findPrecomputed(file, items, wanted));

    // The same data (a fresh copy, fields in another order): no request reaches the worker.
    const { port, sent, answer } = fakePort();
    const client = new CslClient(port, true, lookup);
    const reordered = BUNDLED.map((item) => Object.fromEntries(Object.entries(item).reverse()) as CslItem);
    const hit = await client.bibliography(reordered, options);
    expect(hit).toEqual(findPrecomputed(file, BUNDLED, options));
    expect(sent).toEqual([]);

    // One work changed (a collection re-imported under the same id, say): the worker formats it.
    const changed = BUNDLED.map((item, index) => (index === 0 ? { ...item, title: 'Changed title' } : item));
    const missed = client.bibliography(changed, options);
    await expect(client.precomputed(changed, options)).resolves.toBeNull();
    await Promise.resolve();
    expect(sent.map((message) => message.request.type)).toEqual(['bibliography']);
    const fromWorker = {
      references: [{ id: 'x', html: 'from the worker', text: 'from the worker' }],
      writtenOut: null,
    };
    answer({ id: (sent[0] as CslRequestMessage).id, ok: true, value: fromWorker });
    expect(await missed).toEqual(fromWorker);

    // Another style or locale than the build formatted: the worker too.
    void client.bibliography(BUNDLED, { style: 'apa', locale: 'en-US' });
    await expect(client.precomputed(BUNDLED, { style: 'apa', locale: 'en-US' })).resolves.toBeNull();
    await Promise.resolve();
    expect(sent.map((message) => message.request.type)).toEqual(['bibliography', 'bibliography']);
  });
});
