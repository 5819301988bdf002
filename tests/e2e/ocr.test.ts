import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { characterAccuracy } from '@shared/ocr/accuracy';
import { useE2e } from '../support/e2e';
import { foreignRequests } from '../support/web-harness';

const e2e = useE2e();

/** Invented, neutral; every Lithuanian letter with a diacritic but ū appears. */
const LINE = 'Vaikai skaičiavo žąsis, kurios ėjo per pievą prie upės.';

/**
 * The OCR module is its own entry in the build (electron.vite.config.ts) until a view imports it; the
 * test loads that chunk into the running app, as the app will, so it runs under the served CSP.
 */
function ocrEntry(): string {
  const entry = readdirSync('out/renderer/assets').find((name) => /^ocr-[\w-]+\.js$/.test(name));
  if (!entry) throw new Error('out/renderer/assets has no ocr-*.js: run `npx electron-vite build`');
  return entry;
}

describe('offline OCR in the built app (Chromium, web harness)', () => {
  it('reads Lithuanian drawn in the page with the bundled worker, core and data, under the real CSP', async () => {
    const { page, context, requests, errors } = await e2e.visit('/browse');
    await page.getByRole('heading', { level: 1, name: 'Browse' }).waitFor();
    const csp = (await page.request.get(e2e.baseUrl + '/')).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");

    // Loaded as text, so Vitest does not rewrite the import(); a module import is what CSP 'self' allows.
    await page.evaluate(
      `import('./assets/${ocrEntry()}').then((module) => { globalThis.atmintisOcr = module; })`,
    );
    const outcome = await page.evaluate(
      async ({ line }) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          violations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
        const ocr = (globalThis as unknown as { atmintisOcr: unknown }).atmintisOcr as {
          createOcrEngine: () => {
            recognise: (
              image: HTMLCanvasElement,
              languages: string[],
              options: { onProgress: (progress: { phase: string }) => void },
            ) => Promise<{ text: string; lines: { words: { text: string; box: { width: number } }[] }[] }>;
            dispose: () => Promise<void>;
          };
        };
        await document.fonts.load('36px Inter', line);
        const canvas = document.createElement('canvas');
        canvas.width = 1300;
        canvas.height = 120;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.fillStyle = '#000';
        context.font = '36px Inter';
        context.fillText(line, 40, 75);
        const engine = ocr.createOcrEngine();
        const phases = new Set<string>();
        const result = await engine.recognise(canvas, ['lit'], {
          onProgress: ({ phase }) => phases.add(phase),
        });
        await engine.dispose();
        const words = result.lines.flatMap((each) => each.words);
        return {
          text: result.text,
          words: words.length,
          boxed: words.every((word) => word.box.width > 0),
          phases: [...phases].sort(),
          violations,
        };
      },
      { line: LINE },
    );

    expect(characterAccuracy(LINE, outcome.text), outcome.text).toBeGreaterThanOrEqual(0.95);
    expect(outcome.words).toBe(9);
    expect(outcome.boxed).toBe(true);
    expect(outcome.phases).toEqual(['loading', 'recognising']);
    expect(outcome.violations).toEqual([]);
    expect(errors).toEqual([]);
    // The worker's own requests are observed too: the script, one core and the model, all from the app.
    const own = requests.map((url) => new URL(url).pathname);
    expect(own).toContain('/ocr/worker.min.js');
    expect(own).toContain('/ocr/tessdata/lit.traineddata');
    expect(
      own.some((path) => /^\/ocr\/core\/tesseract-core-(relaxedsimd-|simd-)?lstm\.wasm\.js$/.test(path)),
    ).toBe(true);
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    await context.close();
  });
});
