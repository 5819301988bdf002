/** talisman ships no type declarations; this is the module OCR scoring uses. */
declare module 'talisman/metrics/levenshtein' {
  /** Levenshtein edit distance between two strings (UTF-16 code units). */
  export default function levenshtein(a: string, b: string): number;
}
