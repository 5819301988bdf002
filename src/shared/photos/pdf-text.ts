/**
 * Line breaking for the PDF export: pdf-lib draws one line at a time, so paragraphs are wrapped here by
 * the embedded font's own glyph widths. A word longer than a line is broken between characters rather
 * than run off the page; nothing typed is dropped.
 */

/** The one thing wrapping needs from a font. */
export type MeasureText = (text: string) => number;

/** Tabs become spaces and other control characters go: the font has no glyphs for them. */
export function printable(text: string): string {
  return (
    text
      .replace(/\t/g, '    ')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
  );
}

function breakWord(word: string, width: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && measure(piece + char) > width) {
      pieces.push(piece);
      piece = char;
    } else piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** The lines `text` takes at most `width` wide; an empty paragraph stays an empty line. */
export function wrapText(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split('\n')) {
    const words = paragraph.split(/ +/).filter((word) => word !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = measure(word) <= width ? [word] : breakWord(word, width, measure);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}
