import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One alias for the code both processes share (tsconfig.base.json names it for TypeScript).
const resolveShared = { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } };

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
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
    worker: { format: 'es' },
  },
});
