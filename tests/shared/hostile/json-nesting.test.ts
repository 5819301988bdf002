import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeExcessiveNesting, findExcessiveNesting, MAX_JSON_DEPTH } from '@shared/json/nesting';
import { deepJsonText } from './payloads';

/** Reference: the nesting depth of a parsed value, computed the slow obvious way. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object')
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('findExcessiveNesting', () => {
  it('agrees with the depth of the parsed value, whatever the strings hold', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 8 }),
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        (value, max, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
          expect(findExcessiveNesting(text, max) !== null).toBe(depthOf(value) > max);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(findExcessiveNesting(JSON.stringify({ a: '[[[[\\"[[[[{{{{' }), 1)).toBeNull();
    expect(findExcessiveNesting(JSON.stringify(['"\\', ['x']]), 1)).toMatchObject({ depth: 2 });
    expect(findExcessiveNesting(JSON.stringify(['\\', ['x']]), 1)).toMatchObject({ depth: 2 });
    expect(findExcessiveNesting(JSON.stringify(['\\"[[[', 'x']), 1)).toBeNull();
    // An unterminated string hides the rest; JSON.parse then reports the real problem.
    expect(findExcessiveNesting('["abc [[[[', 1)).toBeNull();
  });

  it('stops at the first bracket too deep in a million levels, and says where', () => {
    // The outer "{" is level 1, so the 64th "[" (column 5 + 64 of line 2) is level 65.
    const text = `{\n"x": ${deepJsonText(1_000_000)}}`;
    const found = findExcessiveNesting(text);
    expect(found).toEqual({ depth: MAX_JSON_DEPTH + 1, line: 2, column: 5 + MAX_JSON_DEPTH });
    expect(found && describeExcessiveNesting(found)).toBe(
      'nested more than 64 levels deep (line 2, column 69)',
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(5), (text, max) => {
        const found = findExcessiveNesting(text, max);
        if (found) expect(found.depth).toBe(max + 1);
      }),
    );
  });
});
