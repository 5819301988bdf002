import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldWithOffsets, mapRangesToOriginal } from '@shared/search/fold';
import { phoneticCodes } from '@shared/search/phonetic';

describe('fold', () => {
  it.each([
    ['НКВД', 'nkvd'],
    ['NKVD', 'nkvd'],
    ['Земсков', 'zemskov'],
    ['Красноярск', 'krasnoyarsk'],
    ['Krasnoyarsk', 'krasnoyarsk'],
    ['Krasnojarskas', 'krasnoyarskas'],
    ['Якутия', 'yakutiya'],
    ['Jakutija', 'yakutiya'],
    ['Sniečkus', 'sniechkus'],
    ['Лукша', 'luksha'],
    ['Lukša', 'luksha'],
    ['Łaptiewów', 'laptiewow'],
    ['Czesław', 'cheslaw'],
    ['Schwarz', 'shwarz'],
    ['Спецпоселенцы', 'spetsposelentsy'],
    ['Быковский', 'bykovskiy'],
    ['ąčęėįšųūž', 'acheeishuuzh'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('drops carons instead with { carons: "drop" } (what typing without diacritics gives)', () => {
    expect(fold('Grinkevičiūtė', { carons: 'drop' })).toBe('grinkeviciute');
    expect(fold('buožės', { carons: 'drop' })).toBe('buozes');
    // A Russian clerk's Шимкус is the Lithuanian Šimkus: typed bare, both read "simkus".
    expect(fold('Шимкус', { carons: 'drop' })).toBe('simkus');
    expect(fold('Жукаускас Чеснавичюс', { carons: 'drop' })).toBe('zukauskas cesnavicyus');
  });

  it('handles decomposed input and combining stress marks like precomposed text', () => {
    expect(fold('S\u030Cimkus')).toBe(fold('Šimkus'));
    expect(fold('е\u0301хать')).toBe('ekhat');
  });

  it('agrees with foldWithOffsets on any text (the fast path is only a shortcut)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(fold(text)).toBe(foldWithOffsets(text).text);
        expect(fold(text, { carons: 'drop' })).toBe(foldWithOffsets(text, { carons: 'drop' }).text);
      }),
    );
  });

  it('maps folded ranges back to the original text', () => {
    const original = 'Dalia Grinkevičiūtė, Лукша';
    const folded = foldWithOffsets(original);
    const start = folded.text.indexOf('grinkevichiute');
    const cyr = folded.text.indexOf('luksha');
    const ranges = mapRangesToOriginal(folded, [
      [start, start + 'grinkevichiute'.length - 1],
      [cyr, cyr + 5],
    ]);
    expect(ranges.map(([a, b]) => original.slice(a, b))).toEqual(['Grinkevičiūtė', 'Лукша']);
  });

  it('keeps offsets inside the original for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const folded = foldWithOffsets(text);
        expect(folded.starts.length).toBe(folded.text.length);
        for (let i = 0; i < folded.text.length; i++) {
          expect(folded.starts[i]).toBeGreaterThanOrEqual(0);
          expect(folded.ends[i]).toBeLessThanOrEqual(text.length);
          expect(folded.starts[i]).toBeLessThan(folded.ends[i] as number);
        }
      }),
    );
  });
});

describe('phonetic codes (Daitch–Mokotoff after folding)', () => {
  const shares = (a: string, b: string) =>
    phoneticCodes(fold(a)).some((code) => phoneticCodes(fold(b)).includes(code));

  it.each([
    ['Lukša', 'Лукша'],
    ['Lukša', 'Luksza'],
    ['Grinkevičiūtė', 'Гринкявичюте'],
    ['Kazlauskas', 'Казлаускас'],
    ['Krasnojarskas', 'Krasnoyarsk'],
    ['Sniečkus', 'Снечкус'],
  ])('%s sounds like %s', (a, b) => {
    expect(shares(a, b)).toBe(true);
  });

  it('does not key short words or unrelated names alike', () => {
    expect(phoneticCodes('ja')).toEqual([]);
    expect(shares('Kazlauskas', 'Petrauskas')).toBe(false);
  });
});
