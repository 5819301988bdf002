import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';

const resolveShared = { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: resolveShared,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/{main,preload,shared,scripts}/**/*.test.ts'],
        },
      },
      {
        resolve: resolveShared,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        resolve: resolveShared,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
