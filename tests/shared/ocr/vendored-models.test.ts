import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterAccuracy } from '@shared/ocr/accuracy';
import {
  createNodeOcrWorker,
  FIXTURE_TEXTS,
  launchFixtureBrowser,
  prepareFixturePage,
  renderFixture,
  type FixtureLanguage,
} from '../../support/ocr-fixtures';

// One short clean line per language, drawn in Chromium and read by tesseract.js with the vendored
// models: proves the committed data loads and reads our languages. `npm run bench:ocr` measures more.
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchFixtureBrowser();
  page = await browser.newPage();
  await prepareFixturePage(page);
}, 60_000);

afterAll(() => browser?.close());

describe('OCR with the vendored language data', { timeout: 60_000 }, () => {
  it.each<FixtureLanguage>(['lit', 'rus', 'pol'])('reads a printed line in %s', async (language) => {
    const line = FIXTURE_TEXTS[language][2] as string;
    const png = await renderFixture(page, { lines: [line], font: 'sans', condition: 'clean', seed: 1 });
    const worker = await createNodeOcrWorker([language]);
    try {
      const { data } = await worker.recognize(png);
      expect(characterAccuracy(line, data.text), data.text).toBeGreaterThanOrEqual(0.92);
    } finally {
      await worker.terminate();
    }
  });
});
