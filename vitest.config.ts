import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';

const resolveShared = { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } };

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: ONE on a 2-core machine (ours and CI's), so
    // every unit and renderer file ran in turn while the second core waited. Two forks there cut the
    // unit + renderer run from about 410 s to 265 s (quiet machine, 8 Dec 2026). The e2e project stays
    // one file at a time (fileParallelism: false).
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
          // Tests that render the whole App under jsdom wait up to 10 s for a view (findBy… timeouts);
          // the default 5 s test limit cut them off first on a busy 2-core machine (4.5 s when idle).
          testTimeout: 15_000,
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
