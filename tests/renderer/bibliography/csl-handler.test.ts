/**
 * The CSL worker's handler, run directly (no Worker): answers by request id, errors as data, one
 * compiled formatter per style and locale, and the first screen as the whole list prints it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CslItem } from '@shared/collection/schema';
import { CITATION_STYLES, CSL_LOCALES } from '@shared/citations/styles';
import {
  collectSources,
  createCslHandler,
  type CslSourceLoader,
} from '../../../src/renderer/src/bibliography/csl-handler';
import type { CslRequest } from '../../../src/renderer/src/bibliography/csl-protocol';

const CSL_DIR = resolve(import.meta.dirname, '../../../resources/csl');
const fromDisk: CslSourceLoader = (options) =>
  collectSources(
    options,
    (style) => readFile(resolve(CSL_DIR, CITATION_STYLES.find((s) => s.id === style)?.file ?? ''), 'utf8'),
    (locale) => readFile(resolve(CSL_DIR, CSL_LOCALES.find((l) => l.id === locale)?.file ?? ''), 'utf8'),
  );

const BUNDLED = JSON.parse(
  await readFile(
    resolve(
      import.meta.dirname,
      '../../../resources/collections/lt-deportations-1940-1953/bibliography.json',
    ),
    'utf8',
  ),
) as CslItem[];

const CHICAGO = { style: 'chicago-author-date', locale: 'en-US' } as const;

describe('the CSL worker handler', { timeout: 120_000 }, () => {
  it('answers each request under its id, and compiles a style and locale once', async () => {
    const loader = vi.fn(fromDisk);
    const handle = createCslHandler(loader);
    const anusauskas = BUNDLED.find((item) => item.id === 'anusauskas2012') as CslItem;
    const requests: CslRequest[] = [
      { type: 'warm', options: CHICAGO },
      { type: 'reference', item: anusauskas, options: CHICAGO },
      { type: 'citation', request: { source: anusauskas, locator: 'p. 266' }, options: CHICAGO },
    ];
    const answers = await Promise.all(requests.map((request, index) => handle({ id: 40 + index, request })));
    expect(answers).toEqual([
      { id: 40, ok: true, value: null },
      {
        id: 41,
        ok: true,
        value: {
          id: 'anusauskas2012',
          html: 'Anušauskas, A. 2012. <i>Teroras, 1940–1958</i>. Versus Aureus.',
          text: 'Anušauskas, A. 2012. Teroras, 1940–1958. Versus Aureus.',
        },
      },
      { id: 42, ok: true, value: { html: '(Anušauskas 2012, 266)', text: '(Anušauskas 2012, 266)' } },
    ]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('reports errors as data, with the reason, and tries a failed load again', async () => {
    let fail = true;
    const handle = createCslHandler(async (options) => {
      if (fail) throw new Error('test: the style file could not be read');
      return fromDisk(options);
    });
    const request: CslRequest = { type: 'bibliography', items: BUNDLED.slice(0, 3), options: CHICAGO };
    expect(await handle({ id: 1, request })).toEqual({
      id: 1,
      ok: false,
      message: 'test: the style file could not be read',
    });
    fail = false;
    const second = await handle({ id: 2, request });
    expect(second).toMatchObject({ id: 2, ok: true });
  });

  it('formats the first screen of the shown order as the whole list does, names written out', async () => {
    const handle = createCslHandler(fromDisk);
    const options = { style: 'modern-language-association', locale: 'en-US' } as const;
    const shownIds = [...BUNDLED].reverse().map((item) => item.id);
    const [first, whole] = await Promise.all([
      handle({ id: 1, request: { type: 'first-screen', ids: shownIds, items: BUNDLED, options } }),
      handle({ id: 2, request: { type: 'bibliography', items: BUNDLED, options } }),
    ]);
    if (!first.ok || !whole.ok) throw new Error('formatting failed');
    const firstScreen = first.value as { id: string; text: string }[];
    const data = whole.value as { writtenOut: { id: string; text: string }[] };
    // Only the first screen, at most; a work the style cannot print is left out, as in the whole list.
    expect(firstScreen.length).toBeGreaterThan(10);
    expect(firstScreen.length).toBeLessThanOrEqual(15);
    const wanted = new Set(shownIds.slice(0, 15));
    const writtenOut = new Map(data.writtenOut.map((entry) => [entry.id, entry]));
    for (const entry of firstScreen) {
      expect(wanted.has(entry.id)).toBe(true);
      expect(entry).toEqual(writtenOut.get(entry.id));
      expect(entry.text.startsWith('———')).toBe(false);
    }
  });

  it('answers the first screen before it starts on the whole list sent after it', async () => {
    const handle = createCslHandler(fromDisk);
    const ids = BUNDLED.map((item) => item.id);
    const answered: Record<string, number> = {};
    const note = (what: string) => () => (answered[what] = performance.now());
    await Promise.all([
      handle({ id: 1, request: { type: 'warm', options: CHICAGO } }),
      handle({ id: 2, request: { type: 'first-screen', ids, items: BUNDLED, options: CHICAGO } }).then(
        note('first'),
      ),
      handle({ id: 3, request: { type: 'bibliography', items: BUNDLED, options: CHICAGO } }).then(
        note('whole'),
      ),
    ]);
    // The whole list (113 works) takes citeproc far longer than 50 ms: had the first screen's answer
    // waited for it, both would arrive together.
    expect((answered.whole ?? 0) - (answered.first ?? 0)).toBeGreaterThan(50);
  });

  it('exports through the citation-js plugins, loaded on the first export', async () => {
    const handle = createCslHandler(fromDisk);
    const items = BUNDLED.filter((item) => item.id === 'anusauskas2012');
    const ris = await handle({ id: 5, request: { type: 'export', format: 'ris', items } });
    expect(ris).toMatchObject({ id: 5, ok: true });
    expect(ris.ok && (ris.value as string)).toContain('AU  - Anušauskas, A.');
  });
});
