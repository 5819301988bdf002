import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { ocrAssetFiles } from './src/shared/ocr/assets';

// One alias for the code both processes share (tsconfig.base.json names it for TypeScript).
const resolveShared = { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } };

/**
 * Ships tesseract.js's worker, its WebAssembly cores and the vendored language data inside the renderer
 * (out/renderer/ocr/), so OCR loads them from the app's own origin; the dev server serves the same paths.
 */
function ocrAssets(): Plugin {
  const files = ocrAssetFiles().map(({ from, to }) => ({ from: resolve(import.meta.dirname, from), to }));
  return {
    name: 'atmintis-ocr-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = files.find(({ to }) => request.url?.split('?')[0]?.endsWith(`/${to}`));
        if (!file) return next();
        response.setHeader(
          'Content-Type',
          file.to.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
        );
        response.end(readFileSync(file.from));
      });
    },
    generateBundle() {
      for (const { from, to } of files)
        this.emitFile({ type: 'asset', fileName: to, source: readFileSync(from) });
    },
  };
}

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: resolveShared,
    build: {
      // Bundle everything: a sandboxed preload can require nothing but 'electron'.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    // Relative asset URLs, so the same build works under app://atmintis/ and http://127.0.0.1:N/.
    base: './',
    resolve: resolveShared,
    // The app icon doubles as the favicon, so the browser never asks for a file that is not there.
    publicDir: resolve(import.meta.dirname, 'resources/icons'),
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/renderer/index.html'),
          // Its own entry, exports kept, until a view imports it (photos are next): so it ships, and
          // tests/e2e/ocr.test.ts can load it in the built app under the real CSP.
          ocr: resolve(import.meta.dirname, 'src/renderer/src/ocr/ocr-engine.ts'),
        },
        preserveEntrySignatures: 'exports-only',
      },
    },
    plugins: [react(), ocrAssets()],
    worker: { format: 'es' },
  },
});
