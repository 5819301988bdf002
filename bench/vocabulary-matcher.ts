/**
 * `npx tsx bench/vocabulary-matcher.ts [--words N]` — matching one query word against a large
 * vocabulary: Fuse.js scanning every word (what the engine did before) beside VocabularyMatcher
 * (bigram prefilter, then the same Fuse on the candidates), same options, side by side, checking the
 * answers are identical. The synthetic registry's vocabulary is tiny (a few hundred words); a real
 * registry's runs to tens of thousands (every surname, first name, place and summary word), which this
 * imitates with N invented words made of Lithuanian-looking syllables (deterministic). Default 50,000.
 */
import Fuse from 'fuse.js';
import { VOCABULARY_FUSE_OPTIONS } from '@shared/search/engine';
import { VocabularyMatcher } from '@shared/search/vocabulary-matcher';

const args = process.argv.slice(2);
const count = args.includes('--words') ? Number(args[args.indexOf('--words') + 1]) : 50_000;

const SYLLABLES = ['ka', 'zla', 'us', 'kas', 'pe', 'tra', 'itis', 'jo', 'nai', 'tie', 'ne', 'gri', 'nke'];
SYLLABLES.push('vi', 'ciu', 'te', 'sim', 'ku', 'ma', 'ri', 'ja', 'ur', 'bo', 'nas', 'ste', 'po', 'la', 'da');
let seed = 7;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
};
const words = new Set<string>();
while (words.size < count) {
  let word = '';
  const syllables = 2 + Math.floor(random() * 4);
  for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  words.add(word);
}
const vocabulary = [...words];
const QUERIES = ['ka', 'kaz', 'kazl', 'kazla', 'kazlau', 'kazlaus', 'kazlausk', 'kazlauska', 'kazlauskas'];
QUERIES.push('petraitis', 'petreitis', 'grinkeviciute', 'jonaitiene', 'sim', 'simkus', 'simkis');

let started = performance.now();
const scan = new Fuse(vocabulary, VOCABULARY_FUSE_OPTIONS);
const matcher = new VocabularyMatcher(vocabulary, VOCABULARY_FUSE_OPTIONS);
matcher.search('warm up');
console.log(
  `${count} words; both built (and the bigram index) in ${Math.round(performance.now() - started)} ms`,
);
console.log('query word      fuse scan   matcher   matches');
const scanTimes: number[] = [];
const matcherTimes: number[] = [];
for (const query of QUERIES) {
  started = performance.now();
  const expected = scan.search(query);
  scanTimes.push(performance.now() - started);
  started = performance.now();
  const actual = matcher.search(query);
  matcherTimes.push(performance.now() - started);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`different answers for ${query}`);
  const ms = (value: number | undefined) => `${(value ?? 0).toFixed(1)} ms`.padStart(10);
  console.log(`${query.padEnd(14)} ${ms(scanTimes.at(-1))} ${ms(matcherTimes.at(-1))}   ${expected.length}`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `median: fuse scan ${median(scanTimes).toFixed(1)} ms, matcher ${median(matcherTimes).toFixed(1)} ms (answers identical)`,
);
