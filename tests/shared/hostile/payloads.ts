/**
 * Malicious and malformed input for the hostile-input tests: XSS payloads, path tricks, prototype
 * pollution keys, control characters, huge and deeply nested values. Mixed into fast-check arbitraries.
 */
import fc from 'fast-check';

export const XSS_PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  'javascript:window.__pwned=1',
  '[x](javascript:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<div style="background:url(http://evil.invalid/x)">x</div>',
  '"><script>alert(1)</script>',
  "'); alert(1); //",
] as const;

export const NASTY_STRINGS = [
  ...XSS_PAYLOADS,
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  '/absolute/path',
  'C:\\Windows',
  'notes-2026-11-28T18-00-00Z.json/../../x',
  '\u0000',
  '\u202e\u0000\uFEFF',
  '\ud800',
  'a'.repeat(100_000),
  '%00',
  'NaN',
  '1e309',
] as const;

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 32 }) },
);

/** Any JSON-like value, nasty strings and prototype keys included, moderately nested. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** An array (or object) nested `depth` levels deep, built without recursion. */
export function deeplyNested(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

export const deepJsonText = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

export const deepObjectText = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
