import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '@shared/notes/backup';
import { noteProblem } from '@shared/notes/backup-rows';
import type { Note, RegionTarget } from '@shared/notes/model';
import { PHOTOS_NOTE_COLLECTION, regionSelector } from '@shared/notes/region';
import {
  alignOcrWords,
  ocrWordTupleAt,
  tokenAtOffset,
  tokenise,
  wordsToOriginal,
  type OcrWordTuple,
} from '@shared/notes/region-ocr';
import { sampleNote } from './arbitraries';

const SHA = 'cd'.repeat(32);

const WORDS: OcrWordTuple[] = [
  ['Vilniaus', 10, 20, 100, 30, 0.96],
  ['apskrities', 120, 20, 120, 30, 0.91],
  ['archyvas', 250, 20, 90, 30, 0.88],
];

function ocrNote(ocr: unknown): Note {
  return {
    ...sampleNote({ id: '5d1c0a4e-2222-4000-8000-000000000002', body: '', tags: [] }),
    target: {
      kind: 'region',
      collectionId: PHOTOS_NOTE_COLLECTION,
      itemId: 'item-1',
      photo: SHA,
      page: 0,
      selector: regionSelector({ shape: 'rectangle', x: 0, y: 0, width: 400, height: 80 }),
      transcription: 'Vilniaus apskrities archyvas',
      ocr,
    } as RegionTarget,
  };
}

describe('OCR words on a region', () => {
  it('splits a text into words with their offsets', () => {
    expect(tokenise('  Vilniaus\napskr. ')).toEqual([
      { text: 'Vilniaus', start: 2, end: 10 },
      { text: 'apskr.', start: 11, end: 17 },
    ]);
  });

  it('keeps the boxes of the words still in an edited text and drops the rest', () => {
    const untouched = alignOcrWords(WORDS, 'Vilniaus apskrities archyvas');
    expect(untouched.kept).toEqual(WORDS);
    const edited = alignOcrWords(WORDS, 'Vilniaus miesto archyvas 1948');
    expect(edited.kept).toEqual([WORDS[0], WORDS[2]]);
    expect(edited.tokens.map((token) => token.word?.[0] ?? null)).toEqual([
      'Vilniaus',
      null,
      'archyvas',
      null,
    ]);
    // Punctuation typed onto a word makes it another word: its box is not claimed.
    expect(alignOcrWords(WORDS, 'Vilniaus, apskrities').kept).toEqual([WORDS[1]]);
    // A word typed twice keeps one box, in order; an empty text keeps none.
    expect(alignOcrWords(WORDS, 'archyvas Vilniaus archyvas').kept).toEqual([WORDS[0], WORDS[2]]);
    expect(alignOcrWords(WORDS, '').kept).toEqual([]);
  });

  it('matches words in NFC whatever form the text was typed in', () => {
    const word: OcrWordTuple = ['Šiauliai', 0, 0, 10, 10, 1];
    expect(alignOcrWords([word], 'S\u030Ciauliai').kept).toEqual([word]);
  });

  it('aligns long pages in linear time', () => {
    const many: OcrWordTuple[] = Array.from({ length: 5_000 }, (_, n) => [`w${n}`, n, 0, 5, 5, 1]);
    const text = many.map(([word]) => word).join(' ');
    const started = performance.now();
    const { kept } = alignOcrWords(many, text.replace('w10 ', 'x '));
    expect(kept).toHaveLength(4_999);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('finds the word at a caret and at a point of the image', () => {
    const { tokens } = alignOcrWords(WORDS, 'Vilniaus apskrities archyvas');
    expect(tokenAtOffset(tokens, 0)?.text).toBe('Vilniaus');
    expect(tokenAtOffset(tokens, 8)?.text).toBe('Vilniaus');
    expect(tokenAtOffset(tokens, 12)?.text).toBe('apskrities');
    expect(ocrWordTupleAt(WORDS, 125, 35)?.[0]).toBe('apskrities');
    expect(ocrWordTupleAt(WORDS, 5, 5)).toBeNull();
  });

  it("maps boxes read on a crop of the display copy to the original's pixels", () => {
    const words = wordsToOriginal(
      [{ text: 'Kaunas', confidence: 0.934, box: { x: 10, y: 5, width: 40, height: 12 } }],
      { x: 100, y: 200 },
      2.5,
    );
    expect(words).toEqual([['Kaunas', 275, 512.5, 100, 30, 0.93]]);
  });
});

describe('OCR words in backups', () => {
  it('round-trip with the note', () => {
    const note = ocrNote({ languages: ['lit', 'rus'], words: WORDS });
    const parsed = parseBackup(serializeBackup([note], new Date('2026-12-08T02:00:00Z')));
    expect(parsed).toEqual({ ok: true, backup: expect.objectContaining({ notes: [note] }) as unknown });
  });

  it('refuse a malformed one, naming the note and the field', () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        { languages: ['lit'], words: [['Vilniaus', -1, 0, 10, 10, 1]] },
        /target.ocr.words\[0\]\[1\]: must be pixels from 0/,
      ],
      [
        { languages: ['lit'], words: [['Vilniaus', 0, 0, 10, 10, 7]] },
        /target.ocr.words\[0\]\[5\]: must be a confidence/,
      ],
      [
        { languages: ['lit'], words: [['', 0, 0, 10, 10, 1]] },
        /target.ocr.words\[0\]\[0\]: must not be empty/,
      ],
      [
        { languages: ['klingon'], words: [] },
        /target.ocr.languages\[0\]: must be one of lit, rus, pol, deu, eng/,
      ],
      [{ languages: [], words: [] }, /target.ocr.languages: must name at least one language/],
      [{ languages: ['lit'], words: [], extra: 1 }, /target.ocr/],
      [{ languages: ['lit'], words: [['Vilniaus', 0, 0]] }, /target.ocr.words\[0\]/],
    ];
    for (const [ocr, message] of cases) {
      const parsed = parseBackup(serializeBackup([ocrNote(ocr)], new Date('2026-12-08T02:00:00Z')));
      expect(parsed.ok ? '' : parsed.error).toMatch(/notes\[0\] \(id "5d1c0a4e-2222-[^"]+"\) › /);
      expect(parsed.ok ? '' : parsed.error).toMatch(message);
    }
  });

  it('are checked on every write and synced note like the rest of the target', () => {
    expect(noteProblem(ocrNote({ languages: ['lit'], words: WORDS }))).toBeNull();
    expect(noteProblem(ocrNote({ languages: ['lit'], words: [['x', 0, 0, 1e9, 1, 1]] }))).toMatch(
      /target.ocr.words\[0\]\[3\]: must be at most 1000000 pixels/,
    );
  });
});
