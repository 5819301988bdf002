/**
 * PDF through pdf.js, under the app's CSP (`default-src 'self'`, no eval): the worker is bundled by Vite
 * (`?url`) and served from the app's origin, `isEvalSupported: false` keeps pdf.js from compiling
 * functions, and no font, CMap or wasm data is fetched. Each page is drawn on a canvas (lazily, when it
 * scrolls into view, so a long PDF does not hold hundreds of bitmaps) under pdf.js' text layer:
 * transparent, positioned text that can be selected, searched, highlighted and annotated.
 * Positions are set through CSSOM (`element.style`), which the CSP allows.
 */
import { GlobalWorkerOptions, TextLayer, getDocument, type PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** CSS pixels per PDF point on screen, at most; narrower columns scale pages down to fit. */
const MAX_SCALE = 1.3;

async function drawPage(page: PDFPageProxy, canvas: HTMLCanvasElement, scale: number): Promise<void> {
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  await page.render({
    canvas,
    viewport,
    transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
}

/**
 * Renders every page of the PDF into `container` (text layers at once, canvases when visible) and
 * resolves when all text is in place. The returned function releases pdf.js and the observer.
 */
export async function renderPdfInto(
  container: HTMLElement,
  bytes: Uint8Array,
  pageLabel: (page: number) => string,
): Promise<() => void> {
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  const pdf = await task.promise;
  const pending = new Map<Element, { page: PDFPageProxy; canvas: HTMLCanvasElement; scale: number }>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const job = pending.get(entry.target);
        if (!entry.isIntersecting || !job) continue;
        pending.delete(entry.target);
        observer.unobserve(entry.target);
        void drawPage(job.page, job.canvas, job.scale).catch((error: unknown) =>
          console.warn('PDF page drawing failed', error),
        );
      }
    },
    { rootMargin: '800px 0px' },
  );
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    // The text layer's font sizes are absolute, so the page must be drawn at the width it is shown at.
    const natural = page.getViewport({ scale: 1 }).width;
    const scale = Math.min(MAX_SCALE, (container.clientWidth || natural * MAX_SCALE) / natural);
    const viewport = page.getViewport({ scale });
    const section = document.createElement('section');
    section.className = 'pdf-page';
    section.setAttribute('aria-label', pageLabel(number));
    const frame = document.createElement('div');
    frame.className = 'pdf-page-frame';
    frame.style.width = `${viewport.width}px`;
    frame.style.height = `${viewport.height}px`;
    frame.style.setProperty('--total-scale-factor', String(scale));
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    const textLayer = document.createElement('div');
    textLayer.className = 'textLayer';
    frame.append(canvas, textLayer);
    section.append(frame);
    container.append(section);
    await new TextLayer({
      textContentSource: page.streamTextContent(),
      container: textLayer,
      viewport,
    }).render();
    pending.set(section, { page, canvas, scale });
    observer.observe(section);
  }
  return () => {
    observer.disconnect();
    void task.destroy();
  };
}

/** A PDF's own title (its metadata) and the text of each page (its text layer), for Search and titles. */
export async function readPdfText(bytes: Uint8Array): Promise<{ title: string | null; pages: string[] }> {
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    const pdf = await task.promise;
    const meta = await pdf.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown };
    const candidates = [info.Title, meta?.metadata?.get('dc:title')];
    const title =
      candidates
        .map((value) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''))
        .find((value) => value !== '')
        ?.slice(0, 300) ?? null;
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(
        content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''),
      );
    }
    return { title, pages };
  } finally {
    void task.destroy();
  }
}
