import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildItemPdf, type ItemPdfInput } from '@shared/photos/item-pdf';
import { wrapText } from '@shared/photos/pdf-text';

const font = new Uint8Array(
  readFileSync(join(import.meta.dirname, '../../../resources/fonts/DejaVuSans.ttf')),
);
let jpeg: Uint8Array;

beforeAll(async () => {
  jpeg = new Uint8Array(
    await sharp({ create: { width: 60, height: 40, channels: 3, background: '#cccccc' } })
      .jpeg()
      .toBuffer(),
  );
});

const LITHUANIAN = 'Ąžuolų gatvė, ištremta šeima: Čiurlionytė Žemaitė';
const RUSSIAN = 'Выселены в Иркутскую область';
const POLISH = 'Łódź, źródło';

const input = (): ItemPdfInput => ({
  font,
  title: 'Tremtinių byla',
  description: [
    { label: 'Fondas', value: 'K-1' },
    { label: 'Kalba', value: 'lt, ru' },
  ],
  citation: { label: 'Cituoti', value: 'Archyvas, f. K-1, ap. 58, b. 100, l. 12–13' },
  photos: [
    { caption: 'Nuotrauka 1', jpeg, blocks: [{ heading: 'Sritis 1', text: LITHUANIAN }] },
    { caption: 'Nuotrauka 2', jpeg, blocks: [] },
    { caption: 'Nuotrauka 3', jpeg, blocks: [{ heading: 'Sritis 1', text: `${RUSSIAN}\n${POLISH}` }] },
  ],
  textHeading: (caption) => `${caption}: transkripcija`,
  language: 'lt',
  creator: 'Atmintis',
});

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return texts;
}

// Font subsetting and pdf.js parsing take seconds on a loaded machine.
describe('PDF export of an item', { timeout: 30_000 }, () => {
  it('parses back with a title page, a page per photo and a text page after each photo with text', async () => {
    const bytes = await buildItemPdf(input());
    const doc = await PDFDocument.load(bytes);
    // title + 3 photos + 2 text pages (photo 2 has nothing transcribed)
    expect(doc.getPageCount()).toBe(6);
    expect(doc.getTitle()).toBe('Tremtinių byla');
  });

  it('carries Lithuanian, Russian and Polish text in the embedded font', async () => {
    const texts = await pageTexts(await buildItemPdf(input()));
    expect(texts[0]).toContain('Tremtinių byla');
    expect(texts[0]).toContain('Archyvas, f. K-1, ap. 58, b. 100, l. 12–13');
    expect(texts[2]).toContain(LITHUANIAN);
    expect(texts[5]).toContain(RUSSIAN);
    expect(texts[5]).toContain(POLISH);
  });

  it('continues a long transcription on further pages, every word kept', async () => {
    const long = Array.from({ length: 700 }, (_, i) => `žodis${i}`).join(' ');
    const data = input();
    data.photos = [{ caption: 'Nuotrauka 1', jpeg, blocks: [{ heading: 'Sritis', text: long }] }];
    const bytes = await buildItemPdf(data);
    const texts = await pageTexts(bytes);
    expect(texts.length).toBeGreaterThan(3);
    const all = texts.slice(2).join(' ');
    expect(all).toContain('žodis0');
    expect(all).toContain('žodis699');
  });

  it('names the photo when its image is not a JPEG', async () => {
    const data = input();
    data.photos = [{ caption: 'Nuotrauka 7', jpeg: new Uint8Array([1, 2, 3, 4]), blocks: [] }];
    await expect(buildItemPdf(data)).rejects.toThrow(/photo 1 \(Nuotrauka 7\): not a readable JPEG/);
  });
});

describe('wrapText', () => {
  const measure = (text: string) => text.length;
  it('wraps at spaces, breaks an over-long word, keeps empty lines', () => {
    expect(wrapText('aa bb cc', 5, measure)).toEqual(['aa bb', 'cc']);
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a\n\nb', 4, measure)).toEqual(['a', '', 'b']);
  });
});
