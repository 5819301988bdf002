import { describe, expect, it } from 'vitest';
import { decodeText, sniffDocument } from '@shared/documents/sniff';
import { titleFromFileName } from '@shared/documents/model';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sniffDocument', () => {
  it('recognises PDF by its header whatever the name', () => {
    expect(sniffDocument('report.txt', utf8('%PDF-1.7\n...'))).toEqual({ ok: true, kind: 'pdf' });
  });

  it('recognises HTML by its content, and Markdown vs plain text by extension', () => {
    expect(sniffDocument('page.md', utf8('\uFEFF  <!doctype html><p>x'))).toEqual({ ok: true, kind: 'html' });
    expect(sniffDocument('page.htm', utf8('<p>fragment</p>'))).toEqual({ ok: true, kind: 'html' });
    expect(sniffDocument('notes.MD', utf8('# Title'))).toEqual({ ok: true, kind: 'markdown' });
    expect(sniffDocument('notes.txt', utf8('Kaunas, Vilnius – Anušauskas'))).toEqual({
      ok: true,
      kind: 'text',
    });
    expect(sniffDocument('notes', utf8('# no extension'))).toEqual({ ok: true, kind: 'text' });
  });

  it('refuses images, archives and other binary files even when named like text', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    const latin1 = new Uint8Array([0x41, 0xe9, 0x42]);
    for (const [name, bytes] of [
      ['a.md', zip],
      ['b.txt', latin1],
      ['c.html', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])],
    ] as const) {
      const result = sniffDocument(name, bytes);
      expect(result).toMatchObject({ ok: false, code: 'unsupported-document' });
      expect(!result.ok && result.message).toContain(`"${name}"`);
    }
    expect(sniffDocument('empty.txt', new Uint8Array())).toMatchObject({ ok: false, code: 'empty-document' });
  });

  it('decodeText refuses control characters but keeps tabs and newlines', () => {
    expect(decodeText(utf8('a\tb\r\nc'))).toBe('a\tb\r\nc');
    expect(decodeText(utf8('a\u0000b'))).toBeNull();
  });

  it('titleFromFileName drops folders and the extension', () => {
    expect(titleFromFileName('C:\\docs\\Laiškai 1949.pdf')).toBe('Laiškai 1949');
    expect(titleFromFileName('.md')).toBe('.md');
  });
});
