import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of any file below `dir` (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The renderer build is stale when missing or older than any source it is built from. */
export function isBuildStale(projectRoot: string): boolean {
  const built = join(projectRoot, 'out/renderer/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  // resources/tessdata: the OCR models are copied into the build (electron.vite.config.ts).
  const sources = [
    'src/renderer',
    'src/shared',
    'resources/tessdata',
    'package.json',
    'electron.vite.config.ts',
  ].map((p) => join(projectRoot, p));
  return sources.some((source) =>
    existsSync(source) && statSync(source).isFile()
      ? statSync(source).mtimeMs > builtAt
      : newestMtime(source) > builtAt,
  );
}
