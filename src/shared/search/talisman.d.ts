/** talisman ships no type declarations; this is the one module search uses. */
declare module 'talisman/phonetics/daitch-mokotoff' {
  /** Every Daitch–Mokotoff code (six digits) the name can have; several when a letter is ambiguous. */
  export default function daitchMokotoff(name: string): string[];
}
