import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '@shared/import/encoding';
import { inspectImport } from '@shared/import/pipeline';
import { encodeLegacy, utf8 } from './helpers';

const CYRILLIC = 'ФИО;Год рождения\nКазлаускас Ионас;1901\nПетрайтис Антанас;1899\n';
const LITHUANIAN =
  'Vardas;Gimimo metai\nOna Kazlauskienė;1901\nJuozas Šaulys;1899\nBirutė Žukauskaitė;1920\n';

describe('detectEncoding', () => {
  it('recognises UTF-8 with and without a byte-order mark', () => {
    expect(detectEncoding(utf8(`\ufeff${LITHUANIAN}`))).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(utf8(CYRILLIC))).toMatchObject({ encoding: 'utf-8', bom: false });
  });

  it('tells Windows-1251 Cyrillic from Windows-1257 Lithuanian', () => {
    expect(detectEncoding(encodeLegacy(CYRILLIC, 'windows-1251')).encoding).toBe('windows-1251');
    expect(detectEncoding(encodeLegacy(LITHUANIAN, 'windows-1257')).encoding).toBe('windows-1257');
  });

  it('decodes the detected code page back to the original text', () => {
    const bytes = encodeLegacy(CYRILLIC, 'windows-1251');
    expect(decodeText(bytes, detectEncoding(bytes).encoding)).toEqual({ ok: true, text: CYRILLIC });
    const lt = encodeLegacy(LITHUANIAN, 'windows-1257');
    expect(decodeText(lt, detectEncoding(lt).encoding)).toEqual({ ok: true, text: LITHUANIAN });
  });
});

describe('decodeText', () => {
  it('refuses bytes that are not UTF-8 when UTF-8 is chosen, naming the byte offset', () => {
    const bytes = encodeLegacy(CYRILLIC, 'windows-1251');
    const result = decodeText(bytes, 'utf-8', 'registry.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: 'registry.csv', offset: 0 });
    expect(result.error.reason).toMatch(/not valid UTF-8/);
  });

  it('fails fast and clearly on 50 MB of random bytes', () => {
    // xorshift32: deterministic noise without importing from bench/.
    let state = 0x9e3779b9;
    const bytes = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[i] = state & 0xff;
    }
    const result = inspectImport('garbage.csv', bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.reason).toMatch(/binary file, not CSV or JSON text|not a text file/);
  });

  it('refuses text that is mostly control characters', () => {
    const text = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('');
    const result = decodeText(utf8(text), 'utf-8');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toMatch(/control characters/);
  });
});
