/**
 * The bigram prefilter must change nothing: for every kind of query word (prefixes as typed, words with
 * one or two substitutions, deletions, insertions, transpositions, words inside words, nonsense), the
 * matcher returns exactly what Fuse returns scanning the whole vocabulary.
 */
import { resolve } from 'node:path';
import Fuse from 'fuse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import { extractDocuments } from '@shared/search/documents';
import { VOCABULARY_FUSE_OPTIONS } from '@shared/search/engine';
import { prepareIndex } from '@shared/search/prepared-index';
import { VocabularyMatcher } from '@shared/search/vocabulary-matcher';

const dir = resolve(import.meta.dirname, '../../../resources/collections/lt-deportations-1940-1953');
let vocabulary: readonly string[];

beforeAll(async () => {
  const loaded = await loadCollectionFromDirectory(dir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  vocabulary = prepareIndex(extractDocuments(loaded.value)).vocabulary;
});

/** A deterministic sample of query words of every shape, built from the vocabulary itself. */
function queryWords(words: readonly string[]): string[] {
  const out = new Set<string>(['zz', 'qxj', 'a', 'ab', 'krasnojarsk', 'grinkeviciute', 'vesnaa', 'stailn']);
  words.forEach((word, i) => {
    if (i % 5 !== 0) return;
    for (let n = 2; n <= word.length; n++) out.add(word.slice(0, n));
    const at = Math.floor(word.length / 2);
    out.add(word.slice(0, at) + 'x' + word.slice(at + 1)); // substitution
    out.add(word.slice(0, at) + word.slice(at + 1)); // deletion
    out.add(word.slice(0, at) + 'e' + word.slice(at)); // insertion
    out.add(word.slice(0, at - 1) + (word[at] ?? '') + (word[at - 1] ?? '') + word.slice(at + 1)); // transposition
    out.add(word.slice(1, -1)); // inside a word
    if (word.length > 7) out.add(word.slice(0, at) + 'xq' + word.slice(at + 2)); // two substitutions
  });
  return [...out].filter((word) => word.length > 0 && word.length <= 32);
}

describe('vocabulary matcher', () => {
  it('returns exactly what a Fuse scan of the whole vocabulary returns', () => {
    const scan = new Fuse(vocabulary, VOCABULARY_FUSE_OPTIONS);
    const matcher = new VocabularyMatcher(vocabulary, VOCABULARY_FUSE_OPTIONS, 0);
    const words = queryWords(vocabulary);
    expect(words.length).toBeGreaterThan(1500);
    let matched = 0;
    for (const word of words) {
      const expected = scan.search(word);
      matched += expected.length;
      expect(matcher.search(word), word).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(words.length);
    // The full scan is quadratic in the vocabulary, which grew with the collection's Lithuanian texts.
  }, 180_000);

  it('answers one letter as a Fuse scan does, without scanning with Fuse (every letter and digit)', () => {
    const scan = new Fuse(vocabulary, VOCABULARY_FUSE_OPTIONS);
    const matcher = new VocabularyMatcher(vocabulary, VOCABULARY_FUSE_OPTIONS, 0);
    const letters = [...new Set(vocabulary.join(''))];
    expect(letters.length).toBeGreaterThan(30);
    for (const letter of letters) expect(matcher.search(letter), letter).toEqual(scan.search(letter));
  }, 60_000);
});
