/**
 * OCR output in the app's own shape: the text, its lines and words, each word with its box on the image
 * (pixels of the image that was recognised) and a confidence in 0..1. Built from tesseract.js's page
 * (blocks → paragraphs → lines → words); the types below name only the fields read, so this module stays
 * free of the library and can be tested with plain objects.
 */

export interface OcrBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 (Tesseract reports 0..100). */
  confidence: number;
  box: OcrBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: OcrBox;
  words: OcrWord[];
}

export interface OcrResult {
  /** The recognised text: lines joined by "\n", paragraphs and blocks by a blank line. */
  text: string;
  /** Mean word confidence, 0..1 (0 when no word was found). */
  confidence: number;
  lines: OcrLine[];
}

interface TesseractBbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TesseractWord {
  text: string;
  confidence: number;
  bbox: TesseractBbox;
}
interface TesseractLine {
  words: TesseractWord[];
  confidence: number;
  bbox: TesseractBbox;
}
interface TesseractParagraph {
  lines: TesseractLine[];
}
interface TesseractBlock {
  paragraphs: TesseractParagraph[];
}
/** The part of tesseract.js's `Page` this module reads (recognise with `{ blocks: true }`). */
export interface TesseractPageLike {
  text: string;
  blocks: TesseractBlock[] | null;
}

const toBox = ({ x0, y0, x1, y1 }: TesseractBbox): OcrBox => ({
  x: x0,
  y: y0,
  width: Math.max(0, x1 - x0),
  height: Math.max(0, y1 - y0),
});

const toConfidence = (percent: number): number =>
  Number.isFinite(percent) ? Math.min(1, Math.max(0, percent / 100)) : 0;

function toLine(line: TesseractLine): OcrLine | null {
  const words = line.words
    .map((word) => ({ ...word, text: word.text.normalize('NFC').trim() }))
    .filter((word) => word.text.length > 0)
    .map((word) => ({ text: word.text, confidence: toConfidence(word.confidence), box: toBox(word.bbox) }));
  if (words.length === 0) return null;
  return {
    text: words.map((word) => word.text).join(' '),
    confidence: toConfidence(line.confidence),
    box: toBox(line.bbox),
    words,
  };
}

/**
 * Normalises a tesseract.js page. Words are NFC and trimmed and empty ones dropped; the text is rebuilt
 * from the lines so it always agrees with the word boxes. Without blocks (not requested) the page's own
 * text is kept, cleaned the same way, with no lines.
 */
export function normaliseOcrPage(page: TesseractPageLike): OcrResult {
  if (!page.blocks) {
    const text = page.text
      .normalize('NFC')
      .split(/\r?\n/)
      .map((line) => line.replace(/\s+/gu, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { text, confidence: 0, lines: [] };
  }
  const lines: OcrLine[] = [];
  const paragraphs: string[] = [];
  for (const block of page.blocks) {
    for (const paragraph of block.paragraphs) {
      const own = paragraph.lines.map(toLine).filter((line): line is OcrLine => line !== null);
      if (own.length === 0) continue;
      lines.push(...own);
      paragraphs.push(own.map((line) => line.text).join('\n'));
    }
  }
  const words = lines.flatMap((line) => line.words);
  const confidence =
    words.length === 0 ? 0 : words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
  return { text: paragraphs.join('\n\n'), confidence, lines };
}

/** Every word of the result in reading order. */
export const ocrWords = (result: OcrResult): OcrWord[] => result.lines.flatMap((line) => line.words);

/** The word whose box contains this point of the image, if any (click a word → see it, and back). */
export function ocrWordAt(result: OcrResult, x: number, y: number): OcrWord | null {
  return (
    ocrWords(result).find(
      ({ box }) => x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height,
    ) ?? null
  );
}
