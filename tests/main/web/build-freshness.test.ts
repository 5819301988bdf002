import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBuildStale } from '../../../src/main/web/build-freshness';

let project = '';
afterEach(() => rmSync(project, { recursive: true, force: true }));

function file(path: string, secondsAgo: number): void {
  const full = join(project, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(full, time, time);
}

describe('isBuildStale', () => {
  it('is stale without a build, fresh after one, stale again when a source changes', () => {
    project = mkdtempSync(join(tmpdir(), 'atmintis-freshness-'));
    file('src/renderer/src/App.tsx', 100);
    expect(isBuildStale(project)).toBe(true);
    file('out/renderer/index.html', 50);
    expect(isBuildStale(project)).toBe(false);
    file('src/shared/ocr/result.ts', 10);
    expect(isBuildStale(project)).toBe(true);
  });

  it('counts the OCR models, which the build copies in', () => {
    project = mkdtempSync(join(tmpdir(), 'atmintis-freshness-'));
    file('src/renderer/src/App.tsx', 100);
    file('out/renderer/index.html', 50);
    file('resources/tessdata/lit.traineddata', 10);
    expect(isBuildStale(project)).toBe(true);
  });
});
