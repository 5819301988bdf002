import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { ocrAssetFiles } from './src/shared/ocr/assets';
import { CITATION_STYLES, CSL_LOCALES } from './src/shared/citations/styles';

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

const PRECOMPUTED_ASSET = 'csl-precomputed.json';
/** The page finds the asset's content-hashed name here (csl-precomputed.ts). */
const PRECOMPUTED_META = 'atmintis-csl-precomputed';

/**
 * Formats the bundled collections' bibliographies in the default style at build time, with the same
 * shared formatter as the CSL worker, and emits them as a content-hashed JSON asset named in a <meta>
 * of index.html: the first opening of Bibliography then shows formatted references without waiting for
 * citeproc to compile a style (seconds). Only in `build`: the dev server and the tests have no asset,
 * and the worker formats as before. Reads only this repository's resources/.
 */
function cslPrecomputed(): Plugin {
  let building = false;
  return {
    name: 'atmintis-csl-precomputed',
    configResolved(config) {
      building = config.command === 'build';
    },
    async buildStart() {
      if (!building) return;
      const root = resolve(import.meta.dirname, 'resources');
      const collections = resolve(root, 'collections');
      const bibliographies = readdirSync(collections, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => resolve(collections, entry.name, 'bibliography.json'))
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file, 'utf8'));
      const read = (file: string) => readFileSync(resolve(root, 'csl', file), 'utf8');
      // Loaded here, not at the top: citation-js and citeproc are needed only while building.
      const { precomputeBundled } = await import('./src/shared/citations/precompute-bundled');
      const file = precomputeBundled(bibliographies, {
        styles: Object.fromEntries(CITATION_STYLES.map((style) => [style.id, read(style.file)])),
        locales: Object.fromEntries(CSL_LOCALES.map((locale) => [locale.id, read(locale.file)])),
      });
      this.emitFile({ type: 'asset', name: PRECOMPUTED_ASSET, source: JSON.stringify(file) });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const asset = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'asset' && output.names.includes(PRECOMPUTED_ASSET),
        );
        if (!asset) return [];
        return [
          {
            tag: 'meta',
            attrs: { name: PRECOMPUTED_META, content: `./${asset.fileName}` },
            injectTo: 'head',
          },
        ];
      },
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
    plugins: [react(), ocrAssets(), cslPrecomputed()],
    worker: { format: 'es' },
  },
});
