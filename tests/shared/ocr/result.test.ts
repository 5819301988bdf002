import { describe, expect, it } from 'vitest';
import { normaliseOcrPage, ocrWordAt, ocrWords, type TesseractPageLike } from '@shared/ocr/result';

const word = (text: string, x0: number, confidence = 90) => ({
  text,
  confidence,
  bbox: { x0, y0: 10, x1: x0 + 40, y1: 30 },
});
const line = (words: ReturnType<typeof word>[], y0 = 10) => ({
  words,
  confidence: 88,
  bbox: { x0: 0, y0, x1: 200, y1: y0 + 20 },
});

describe('normaliseOcrPage', () => {
  it('keeps words with boxes and 0..1 confidences, lines, and text rebuilt from them', () => {
    const page: TesseractPageLike = {
      text: 'ignored when blocks are there',
      blocks: [
        {
          paragraphs: [
            {
              lines: [
                line([word('Senelė', 0), word(' ', 45), word('iškepė', 50, 70)]),
                line([word('duonos', 0)], 40),
              ],
            },
            { lines: [line([word('', 0)])] },
          ],
        },
        { paragraphs: [{ lines: [line([word('Kitą', 0, 150), word('dieną', 50, Number.NaN)], 80)] }] },
      ],
    };
    const result = normaliseOcrPage(page);
    expect(result.text).toBe('Senelė iškepė\nduonos\n\nKitą dieną');
    expect(result.lines.map((l) => l.text)).toEqual(['Senelė iškepė', 'duonos', 'Kitą dieną']);
    expect(result.lines[0]?.words[1]).toEqual({
      text: 'iškepė',
      confidence: 0.7,
      box: { x: 50, y: 10, width: 40, height: 20 },
    });
    expect(result.lines[0]?.confidence).toBe(0.88);
    expect(ocrWords(result).map((w) => w.confidence)).toEqual([0.9, 0.7, 0.9, 1, 0]);
    expect(result.confidence).toBeCloseTo(3.5 / 5);
  });

  it('composes decomposed letters (NFC), so search and accuracy see one character', () => {
    const result = normaliseOcrPage({
      text: '',
      blocks: [{ paragraphs: [{ lines: [line([word('Senele\u0307', 0)])] }] }],
    });
    expect(result.text).toBe('Senelė');
  });

  it('falls back to the page text, tidied, when no blocks were asked for', () => {
    expect(normaliseOcrPage({ text: ' a  b \r\n\n\n\nc\n', blocks: null })).toEqual({
      text: 'a b\n\nc',
      confidence: 0,
      lines: [],
    });
  });

  it('finds the word under a point of the image', () => {
    const result = normaliseOcrPage({
      text: '',
      blocks: [{ paragraphs: [{ lines: [line([word('a', 0), word('b', 50)])] }] }],
    });
    expect(ocrWordAt(result, 60, 15)?.text).toBe('b');
    expect(ocrWordAt(result, 45, 15)).toBeNull();
    expect(ocrWordAt(result, 10, 31)).toBeNull();
  });
});
