/**
 * Find-in-document cost on long texts: `findMatches` folds case and diacritics over the whole text on
 * every query, so this shows how long one keystroke takes for documents of growing size.
 * Run: npx tsx bench/reader-find.ts
 */
import { performance } from 'node:perf_hooks';
import { findMatches, foldText } from '@shared/documents/find';

// Neutral filler with Lithuanian diacritics so folding has work to do; not historical content.
const PARAGRAPH =
  'Skaitykloje atidaryta nuo devintos. Žemėlapis, sąsiuvinis ir šviestuvas guli ant stalo; ' +
  'archyvo aplankai sunumeruoti, o užrašai rašomi pieštuku. The lantern stays on the desk.\n\n';

function textOf(bytes: number): string {
  return PARAGRAPH.repeat(Math.ceil(bytes / PARAGRAPH.length)).slice(0, bytes);
}

function time(run: () => unknown, repeat: number): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeat; i += 1) run();
  return (performance.now() - start) / repeat;
}

console.log('size       first query (fold + search) ms');
for (const size of [100_000, 1_000_000, 5_000_000]) {
  const text = textOf(size);
  console.log(`${String(size).padEnd(10)} ${time(() => foldText(text), 3).toFixed(1)}`);
}
console.log('\nsize       query          matches  ms/query (same document, folded once)');
for (const size of [100_000, 1_000_000, 5_000_000]) {
  const text = textOf(size);
  for (const query of ['lantern', 'zemelapis', 'a']) {
    const matches = findMatches(text, query).length;
    const ms = time(() => findMatches(text, query), size >= 5_000_000 ? 3 : 10);
    console.log(
      `${String(size).padEnd(10)} ${query.padEnd(14)} ${String(matches).padStart(7)}  ${ms.toFixed(1)}`,
    );
  }
}
