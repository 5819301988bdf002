import { describe, expect, it } from 'vitest';
import { characterAccuracy, normaliseForComparison } from '@shared/ocr/accuracy';

describe('characterAccuracy', () => {
  it('is 1 − edits / expected length', () => {
    expect(characterAccuracy('žąsis', 'žąsis')).toBe(1);
    expect(characterAccuracy('žąsis', 'ząsis')).toBeCloseTo(0.8);
    expect(characterAccuracy('гуси', 'гусн')).toBeCloseTo(0.75);
    expect(characterAccuracy('abcd', '')).toBe(0);
  });

  it('never goes below 0 when the output is much longer than the truth', () => {
    expect(characterAccuracy('ab', 'xxxxxxxxxx')).toBe(0);
  });

  it('ignores line breaks, runs of spaces and composed vs decomposed letters, not case or diacritics', () => {
    expect(characterAccuracy('Senelė iškepė\nduonos', 'Senele\u0307   iškepė duonos\n')).toBe(1);
    expect(characterAccuracy('Łąka', 'łąka')).toBeCloseTo(0.75);
    expect(characterAccuracy('ė', 'e')).toBe(0);
  });

  it('treats an empty truth as met only by empty output', () => {
    expect(characterAccuracy('', ' \n')).toBe(1);
    expect(characterAccuracy('', 'x')).toBe(0);
  });

  it('normalises for comparison the same way', () => {
    expect(normaliseForComparison('  a\n\n b\t c ')).toBe('a b c');
  });
});
