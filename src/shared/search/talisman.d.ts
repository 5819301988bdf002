/** talisman ships no type declarations; these are the modules search uses. */
declare module 'talisman/phonetics/daitch-mokotoff' {
  /** Every Daitch–Mokotoff code (six digits) the name can have; several when a letter is ambiguous. */
  export default function daitchMokotoff(name: string): string[];
}

declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro–Winkler similarity of two strings: 1 for equal strings, 0 for nothing in common. */
  export default function jaroWinkler(a: string, b: string): number;
}
