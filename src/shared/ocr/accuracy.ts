/**
 * How close OCR output is to the known text: character accuracy = 1 − Levenshtein distance / length of
 * the expected text (floored at 0), the usual measure in OCR evaluation. Both sides are compared in NFC
 * with runs of whitespace as one space, so line breaks and composed/decomposed letters (ė = e + ˙) do
 * not count as errors; everything else (case, punctuation, diacritics) does.
 */
import levenshtein from 'talisman/metrics/levenshtein';

export const normaliseForComparison = (text: string): string =>
  text.normalize('NFC').replace(/\s+/gu, ' ').trim();

export function characterAccuracy(expected: string, actual: string): number {
  const truth = normaliseForComparison(expected);
  const output = normaliseForComparison(actual);
  if (truth.length === 0) return output.length === 0 ? 1 : 0;
  return Math.max(0, 1 - levenshtein(truth, output) / truth.length);
}
