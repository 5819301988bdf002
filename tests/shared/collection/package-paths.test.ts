import { describe, expect, it } from 'vitest';
import { isSafePackagePath } from '@shared/collection/package-paths';

describe('isSafePackagePath', () => {
  it.each([
    ['records/a.json', true],
    ['texts/overview.md', true],
    ['../a.json', false],
    ['records/../../a.json', false],
    ['/etc/passwd', false],
    ['C:/x.json', false],
    ['records\\a.json', false],
    ['./manifest.json', false],
    ['records//a.json', false],
    ['', false],
  ])('%s → %s', (path, safe) => expect(isSafePackagePath(path)).toBe(safe));
});
