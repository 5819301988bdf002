/**
 * PDF pages as photos: a scanned file often arrives as one PDF. The PDF itself is the original (stored
 * byte-exact, like a multi-page TIFF), and each page becomes a photo rendered at 300 dpi with pdf.js
 * (its Node "legacy" build, drawing through @napi-rs/canvas, which ships prebuilt binaries as npm
 * optional dependencies), then turned into the display copy and thumbnail by sharp as any photo.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { encodeCopies, PhotoRefusal, type DerivedCopies, type PhotoHeader } from './decode';
import { MAX_PAGES } from './limits';

/** Pages are rendered at this resolution unless that would pass MAX_RENDER_SIDE. */
export const RENDER_DPI = 300;
/** Longest side of a rendered page, in pixels: A2 at 300 dpi; a larger page is rendered at less. */
export const MAX_RENDER_SIDE = 7016;

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

interface CanvasAndContext {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(pair: CanvasAndContext): void;
}

let pdfjs: Promise<PdfJs> | undefined;
// Loaded on the first PDF only: pdf.js is large and most imports are photos.
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js' standard fonts (for PDFs that do not embed theirs), from its own package. */
function standardFontDataUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return `${join(dirname(packageJson), 'standard_fonts')}/`;
}

const scaleFor = (width: number, height: number): number =>
  Math.min(RENDER_DPI / 72, MAX_RENDER_SIDE / Math.max(width, height));

/** An open PDF whose pages can be measured and rendered one at a time. */
export interface PdfPages extends PhotoHeader {
  render(page: number): Promise<DerivedCopies>;
  close(): Promise<void>;
}

export async function openPdf(path: string): Promise<PdfPages> {
  const { getDocument } = await loadPdfJs();
  let doc: PdfDocument;
  try {
    doc = await getDocument({
      data: new Uint8Array(await readFile(path)),
      isEvalSupported: false,
      useSystemFonts: false,
      standardFontDataUrl: standardFontDataUrl(),
      verbosity: 0,
    }).promise;
  } catch (error) {
    if ((error as Error).name === 'PasswordException')
      throw new PhotoRefusal('is a PDF protected by a password');
    throw new PhotoRefusal(`cannot be read as a PDF (${(error as Error).message})`);
  }
  try {
    if (doc.numPages > MAX_PAGES) {
      throw new PhotoRefusal(
        `has ${doc.numPages.toLocaleString('en')} pages, more than the ${MAX_PAGES} a file may have; ` +
          'split it into smaller files',
      );
    }
    if (doc.numPages < 1) throw new PhotoRefusal('is a PDF without pages');
    const first = (await doc.getPage(1)).getViewport({ scale: 1 });
    const scale = scaleFor(first.width, first.height);
    return {
      width: Math.ceil(first.width * scale),
      height: Math.ceil(first.height * scale),
      pageCount: doc.numPages,
      render: (page) => renderPage(doc, page),
      close: () => doc.destroy(),
    };
  } catch (error) {
    await doc.destroy();
    throw error;
  }
}

async function renderPage(doc: PdfDocument, index: number): Promise<DerivedCopies> {
  try {
    const page = await doc.getPage(index + 1);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: scaleFor(unscaled.width, unscaled.height) });
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const pair = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      // pdf.js types its canvas as the DOM's; in Node it is @napi-rs/canvas' from its own factory.
      const params = { canvas: pair.canvas, canvasContext: pair.context, viewport };
      await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
      const { width, height } = pair.canvas;
      const { data } = pair.context.getImageData(0, 0, width, height);
      const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      return await encodeCopies(sharp(raw, { raw: { width, height, channels: 4 } }));
    } finally {
      factory.destroy(pair);
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof PhotoRefusal) throw error;
    throw new PhotoRefusal(`page ${index + 1} cannot be rendered: ${(error as Error).message}`);
  }
}
