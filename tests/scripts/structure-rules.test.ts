import { describe, expect, it } from 'vitest';
import {
  MAX_SOURCE_LINES,
  badFileNames,
  importCircles,
  lineCount,
  longFiles,
} from '../../scripts/structure/rules';

describe('structure rules', () => {
  it('counts lines as an editor shows them', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\n')).toBe(2);
  });

  it('names each file over the limit with its length, and only those', () => {
    const counts = new Map([
      ['src/b.ts', MAX_SOURCE_LINES + 1],
      ['src/a.ts', MAX_SOURCE_LINES],
      ['src/c.tsx', 2000],
    ]);
    expect(longFiles(counts).map((f) => f.message)).toEqual([
      `src/b.ts has ${MAX_SOURCE_LINES + 1} lines (at most ${MAX_SOURCE_LINES}): split it along its seams.`,
      `src/c.tsx has 2000 lines (at most ${MAX_SOURCE_LINES}): split it along its seams.`,
    ]);
  });

  it('spells each circle out back to where it starts', () => {
    expect(importCircles([['src/x.ts', 'src/y.ts']])).toEqual([
      { rule: 'import-circle', message: 'Import circle: src/x.ts → src/y.ts → src/x.ts' },
    ]);
    expect(importCircles([])).toEqual([]);
  });

  it('accepts kebab-case modules and PascalCase components, and names every other file', () => {
    const good = [
      'src/a/use-result.ts',
      'src/a/search.worker.ts',
      'src/a/RecordPage.tsx',
      'src/main.tsx',
      'src/x.d.ts',
    ];
    expect(badFileNames(good)).toEqual([]);
    expect(
      badFileNames(['src/a/useResult.ts', 'src/a/recordPage.tsx', 'src/a/Foo_bar.ts']).map((f) => f.message),
    ).toEqual([
      'src/a/useResult.ts: name modules in kebab-case (e.g. use-result.ts) and components in PascalCase (.tsx).',
      'src/a/recordPage.tsx: name modules in kebab-case (e.g. use-result.ts) and components in PascalCase (.tsx).',
      'src/a/Foo_bar.ts: name modules in kebab-case (e.g. use-result.ts) and components in PascalCase (.tsx).',
    ]);
  });
});
