/**
 * `npm run web -- --port N [--data-dir DIR] [--collections-dir DIR …] [--photos-pick-dir DIR]`: serves the real renderer with the real main-process
 * handlers on http://127.0.0.1:N, so the app can be used and tested in any Chromium without Electron.
 * Builds first when the build is missing or older than the sources.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isBuildStale } from '../src/main/web/build-freshness';
import { startWebServer } from '../src/main/web/web-server';
import { createMainHandlers, createMainPhotoStore, createMainSearchIndexStore } from '../src/main/services';
import { createFolderPicker } from '../src/main/photos/picker';

const projectRoot = resolve(import.meta.dirname, '..');

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5199' },
      'data-dir': { type: 'string', default: join(homedir(), '.atmintis-web') },
      'no-build': { type: 'boolean', default: false },
      // More collection folders besides resources/collections (tests serve fixtures this way).
      'collections-dir': { type: 'string', multiple: true, default: [] },
      // TEST ONLY: the folder "Add photos…" picks from (the harness has no file dialog).
      'photos-pick-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
    process.exit(2);
  }

  const rendererDir = join(projectRoot, 'out/renderer');
  if (!values['no-build'] && isBuildStale(projectRoot)) {
    console.log('Building the app (electron-vite build)…');
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
  };
  const dataDirectory = resolve(values['data-dir']);
  // ONE store for the save channel and the index route: it serialises reads and writes.
  const searchIndexStore = createMainSearchIndexStore({ dataDirectory });
  const photoStore = createMainPhotoStore({ dataDirectory });
  const photosPickDir = values['photos-pick-dir'];
  const handlers = createMainHandlers({
    resourcesDir: join(projectRoot, 'resources'),
    extraCollectionDirs: values['collections-dir'].map((dir) => resolve(dir)),
    appInfo: {
      name: 'Atmintis',
      version: pkg.version,
      license: pkg.license,
      transport: 'http',
      dataDirectory,
    },
    searchIndexStore,
    photoStore,
    ...(photosPickDir ? { pickPhotos: createFolderPicker(resolve(photosPickDir)) } : {}),
    // The harness runs on the user's own machine, but a page must not make it launch programs: links
    // open in the browser instead (the renderer falls back to a normal link when this says false).
    openExternal: async () => false,
  });

  startWebServer({ port, rendererDir, handlers, searchIndexStore, photoStore }).then(
    (server) => {
      console.log(`Atmintis is serving on ${server.url}/`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`Could not start the web harness: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}

main();
