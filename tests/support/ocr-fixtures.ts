/**
 * OCR fixtures made on the spot: known text in Lithuanian, Russian and Polish drawn on a canvas in
 * Chromium (the bundled Inter and Source Serif 4 fonts for print, a monospace font with uneven "ink" and
 * baseline for typewriting), clean or degraded (see FixtureCondition), as PNG bytes;
 * and tesseract.js in Node with the vendored language data, to read them back. Used by
 * tests/shared/ocr and `npm run bench:ocr`. The sentences are invented and neutral on purpose.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OCR_PARAMETERS } from '../../src/shared/ocr/parameters';
import { testBrowser } from './find-browser';

export type FixtureLanguage = 'lit' | 'rus' | 'pol';
export type FixtureFont = 'sans' | 'serif' | 'mono';

export const FIXTURE_TEXTS: Readonly<Record<FixtureLanguage, readonly string[]>> = {
  lit: [
    'Rytą virš miesto kabojo tirštas rūkas, o gatvėse buvo tylu.',
    'Senelė iškepė duonos ir padėjo ją ant medinio stalo.',
    'Vaikai skaičiavo žąsis, kurios ėjo per pievą prie upės.',
    'Kitą savaitę bibliotekoje bus daugiau naujų knygų.',
    'Šaltą žiemą ežeras užšąla, ir žvejai gręžia eketes.',
    'Mūsų kieme auga obelis, kurios vaisiai rudenį saldūs.',
  ],
  rus: [
    'Утром над городом стоял густой туман, и на улицах было тихо.',
    'Бабушка испекла хлеб и положила его на деревянный стол.',
    'Дети считали гусей, которые шли по лугу к реке.',
    'На следующей неделе в библиотеке будет больше новых книг.',
    'Зимой озеро замерзает, и рыбаки сверлят во льду лунки.',
    'В нашем дворе растёт яблоня, её плоды осенью сладкие.',
  ],
  pol: [
    'Rano nad miastem wisiała gęsta mgła, a na ulicach było cicho.',
    'Babcia upiekła chleb i położyła go na drewnianym stole.',
    'Dzieci liczyły gęsi, które szły przez łąkę nad rzekę.',
    'W przyszłym tygodniu w bibliotece będzie więcej nowych książek.',
    'Zimą jezioro zamarza, a rybacy wiercą w lodzie przeręble.',
    'W naszym ogrodzie rośnie jabłoń, jej owoce są jesienią słodkie.',
  ],
};

export const FIXTURE_FONTS: Readonly<Record<FixtureFont, { family: string; label: string }>> = {
  sans: { family: "'Inter'", label: 'Inter (print)' },
  serif: { family: "'Source Serif 4'", label: 'Source Serif 4 (print)' },
  // No monospace font is bundled; DejaVu/Liberation are on most Linux machines, the generic one elsewhere.
  mono: {
    family: "'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace",
    label: 'monospace (typewriter)',
  },
};

/**
 * clean: black on white. noisy: a scan of aged paper — grey-yellow ground, fainter ink, rotated
 * 0.7–1.4°, slightly blurred, fine grain and specks. harsh: the same with heavy grain (a poor photo).
 */
export type FixtureCondition = 'clean' | 'noisy' | 'harsh';

export interface FixtureSpec {
  lines: readonly string[];
  font: FixtureFont;
  condition: FixtureCondition;
  /** Seeds the rotation, grain and typewriter jitter, so a fixture is the same on every run. */
  seed: number;
}

const require = createRequire(import.meta.url);

/** @fontsource CSS with its font files inlined, so the page needs no server and no network. */
function inlineFontCss(cssModule: string): string {
  const cssPath = require.resolve(cssModule);
  return readFileSync(cssPath, 'utf8').replace(
    /url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\), url\([^)]+\) format\('woff'\)/g,
    (_, file: string) => {
      const data = readFileSync(join(dirname(cssPath), 'files', file)).toString('base64');
      return `url(data:font/woff2;base64,${data}) format('woff2')`;
    },
  );
}

/**
 * Runs in the page (kept as source text: the Node type-check has no DOM). Draws the lines black on white
 * at 30 px (about 11 pt at 200 dpi), then degrades it as FixtureCondition says.
 */
const RENDER_SOURCE = `
window.renderOcrFixture = async (spec, family) => {
  const noisy = spec.condition !== 'clean';
  const grainLevel = spec.condition === 'harsh' ? 60 : 36;
  let state = spec.seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const size = 30, lineHeight = 52, margin = 60;
  const font = size + 'px ' + family;
  await document.fonts.load(font, spec.lines.join(' '));
  const canvas = document.createElement('canvas');
  canvas.width = 1700;
  canvas.height = margin * 2 + lineHeight * spec.lines.length;
  const context = canvas.getContext('2d');
  // Noisy pages are on aged paper: a darker, uneven ground under fainter ink.
  context.fillStyle = noisy ? '#e9e4d6' : '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  if (noisy) {
    const degrees = (0.7 + random() * 0.7) * (random() < 0.5 ? -1 : 1);
    context.translate(canvas.width / 2, canvas.height / 2);
    context.rotate((degrees * Math.PI) / 180);
    context.translate(-canvas.width / 2, -canvas.height / 2);
    context.filter = 'blur(0.8px)';
  }
  context.font = font;
  context.textBaseline = 'alphabetic';
  spec.lines.forEach((line, index) => {
    const y = margin + size + index * lineHeight;
    if (spec.font !== 'mono') {
      context.fillStyle = noisy ? '#3a3a3a' : '#111';
      context.fillText(line, margin, y);
      return;
    }
    // A typewriter: each key strikes with its own pressure and a little off the line.
    let x = margin;
    for (const character of line) {
      const ink = Math.round((noisy ? 40 : 10) + random() * 70);
      context.fillStyle = 'rgb(' + ink + ',' + ink + ',' + ink + ')';
      context.fillText(character, x, y + (random() - 0.5) * 2);
      x += context.measureText(character).width;
    }
  });
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.filter = 'none';
  if (noisy) {
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const pixels = image.data;
    for (let i = 0; i < pixels.length; i += 4) {
      const grain = (random() + random() + random() - 1.5) * grainLevel;
      const speck = random() < 0.002 ? -200 : 0;
      const value = Math.max(0, Math.min(255, pixels[i] + grain + speck));
      pixels[i] = pixels[i + 1] = pixels[i + 2] = value;
    }
    context.putImageData(image, 0, 0);
  }
  return canvas.toDataURL('image/png').split(',')[1];
};
`;

/** A headless Chromium for drawing fixtures (it opens no app page, so it needs none of the harness). */
export async function launchFixtureBrowser(): Promise<Browser> {
  const { executablePath } = await testBrowser();
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Loads the fonts and the renderer into a blank page (no CSP there: this page is a test bench). */
export async function prepareFixturePage(page: Page): Promise<void> {
  const css = ['@fontsource/inter/400.css', '@fontsource/source-serif-4/400.css']
    .map(inlineFontCss)
    .join('\n');
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body></body></html>`,
  );
  await page.addScriptTag({ content: RENDER_SOURCE });
}

export async function renderFixture(page: Page, spec: FixtureSpec): Promise<Buffer> {
  const base64 = await page.evaluate(
    ([fixture, family]) =>
      (
        globalThis as unknown as { renderOcrFixture: (s: FixtureSpec, f: string) => Promise<string> }
      ).renderOcrFixture(fixture, family),
    [spec, FIXTURE_FONTS[spec.font].family] as const,
  );
  return Buffer.from(base64, 'base64');
}

/** The vendored models (resources/tessdata), read from disk by tesseract.js in Node: no network. */
export const TESSDATA_DIR = resolve(import.meta.dirname, '../../resources/tessdata');

/** A tesseract.js worker in Node with the vendored data and the app's settings. */
export async function createNodeOcrWorker(languages: readonly string[]): Promise<Worker> {
  const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
    langPath: TESSDATA_DIR,
    gzip: false,
    cacheMethod: 'none',
  });
  await worker.setParameters({ ...OCR_PARAMETERS });
  return worker;
}
