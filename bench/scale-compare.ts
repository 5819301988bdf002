/**
 * `npm run bench:search -- --records N [--json file]` — Atmintis search against its peers at scale
 * (issue 5): one generated registry of N synthetic people, one fixed query set, four engines in the
 * same run, in this process one after another (each index is dropped before the next is built):
 *
 * - atmintis: createSearchEngine, exactly the code the renderer's search worker runs;
 * - fuse: plain Fuse.js over the same documents and keys, default options;
 * - ufuzzy: @leeoniya/ufuzzy over one line per document (title, names, places), latinized, with its
 *   single-error mode on (substitution, transposition, deletion, insertion), as its README suggests
 *   for typo tolerance;
 * - minisearch: MiniSearch over the same fields, diacritics stripped, `fuzzy: 0.2, prefix: true`,
 *   every word required (AND), as a user of its documentation would set it up.
 *
 * Queries (built from the registry, deterministic): exact names, names with one and two edits,
 * Cyrillic clerk spellings and Latin spellings read back from them, and every prefix of a few queries
 * as they are typed. Latency covers them all; hit_at_10 covers the typo and transliteration queries:
 * a hit is a result among the first 10 with the intended person's name (synthetic people share names,
 * and a name query cannot tell two Ona Kazlauskaitės apart). Plain Fuse takes seconds per query at
 * this size, so it runs a sample of the whole-word queries (the JSON says which); recall_at_10_vs_fuse
 * is measured on that sample (so it is a rough figure), comparing names (multiset overlap of the top 10 titles), and by id.
 */
import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import uFuzzy from '@leeoniya/ufuzzy';
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SEARCH_FIELDS, extractDocuments, type SearchDocument } from '@shared/search/documents';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSearchIndexStore } from '../src/main/search-index/index-store';
import { createSearchEngine, loadSearchEngine, type SearchEngine } from '@shared/search/engine';
import { searchIndexKey } from '@shared/search/index-key';
import { generateSyntheticRegistry } from './synthetic-registry';

// A full collection before heap readings, without requiring `node --expose-gc`.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** RESULT_LIMIT in src/renderer/src/search/use-search.ts (not imported: that module needs React). */
const APP_RESULT_LIMIT = 50;

export interface BenchQuery {
  text: string;
  type: 'exact' | 'typo' | 'translit' | 'prefix';
  /** The intended person's name (title), for hit_at_10; absent for prefixes. */
  intended?: string;
}

interface Engine {
  /** Titles of the first 10 results (for hits and recall) and their ids. */
  search(query: string): { ids: string[]; titles: string[] };
}

export interface EngineFigures {
  build_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  heap_mb: number;
  /** Null when the engine ran no typo or transliteration query. */
  hit_at_10: number | null;
  queries: number;
  recall_at_10_vs_fuse?: number;
  recall_at_10_vs_fuse_by_id?: number;
  reopen?: ReopenFigures;
  note?: string;
}

/** Saving the prepared index and opening it again, through the same code the app runs. */
interface ReopenFigures {
  snapshot_mb: number;
  /** Worker: engine.snapshot() + base64; main process: decode, sha256, atomic write. */
  save_ms: number;
  /** Main process: read the file, check its key and sha256 (what the index URL serves). */
  read_ms: number;
  /** Worker: bytes → checked, opened engine. */
  open_ms: number;
  first_search_ms: number;
  /** read + open + first search (no transfer to the worker: bench/reopen.ts measures it in Chromium). */
  reopen_ms: number;
  /** V8 heap of the reopened engine, and the snapshot bytes it keeps outside the heap. */
  heap_mb: number;
  external_mb: number;
}

/** Deterministic typos (Levenshtein edits): one substitution, or a substitution and a deletion. */
function misspell(word: string, edits: 1 | 2): string {
  const letters = [...word];
  const at = Math.max(1, Math.floor(letters.length / 2));
  letters[at] = letters[at] === 'e' ? 'a' : 'e';
  if (edits === 2) letters.splice(Math.min(letters.length - 2, at + 2), 1);
  return letters.join('');
}

/** The query set, from persons spread evenly through the registry. */
export function buildQueries(documents: readonly SearchDocument[], count = 12): BenchQuery[] {
  const persons = documents.filter((doc) => doc.kind === 'person');
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const person = persons[Math.floor(((i + 0.5) * persons.length) / count)];
    if (!person) continue;
    const names = person.fields.names ?? [];
    const [first = '', surname = ''] = person.title.split(' ');
    const cyrillic = names.find((name) => /\p{Script=Cyrillic}/u.test(name));
    const readBack = names.find((name) => !/\p{Script=Cyrillic}/u.test(name) && name !== person.title);
    queries.push({ text: person.title, type: 'exact', intended: person.title });
    queries.push({
      text: `${first} ${misspell(surname, i % 2 === 0 ? 1 : 2)}`,
      type: 'typo',
      intended: person.title,
    });
    if (cyrillic) queries.push({ text: cyrillic, type: 'translit', intended: person.title });
    if (readBack) queries.push({ text: readBack, type: 'translit', intended: person.title });
  }
  for (const full of queries.filter((query) => query.type !== 'typo').slice(0, 6)) {
    const chars = [...full.text];
    for (let n = 1; n < chars.length; n++) queries.push({ text: chars.slice(0, n).join(''), type: 'prefix' });
  }
  return queries;
}

const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const heapMb = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1e6;
};

function measure(
  build: () => Engine,
  queries: readonly BenchQuery[],
  warmUp = true,
): { figures: EngineFigures; top: Map<string, { ids: string[]; titles: string[] }> } {
  const before = heapMb();
  const started = performance.now();
  const engine = build();
  const buildMs = performance.now() - started;
  const heap = heapMb() - before;
  // Warm the JIT on a few queries, as a user's first searches would.
  if (warmUp) for (const query of queries.slice(0, 3)) engine.search(query.text);
  const times: number[] = [];
  const top = new Map<string, { ids: string[]; titles: string[] }>();
  let judged = 0;
  let hits = 0;
  for (const query of queries) {
    const t = performance.now();
    const result = engine.search(query.text);
    times.push(performance.now() - t);
    top.set(query.text, result);
    if (query.intended && (query.type === 'typo' || query.type === 'translit')) {
      judged++;
      if (result.titles.includes(query.intended)) hits++;
      else if (process.env.BENCH_DEBUG) console.log(`  missed: ${query.text} → ${query.intended}`);
    }
  }
  times.sort((a, b) => a - b);
  return {
    figures: {
      build_ms: round(buildMs, 0),
      p50_ms: round(percentile(times, 0.5), 2),
      p95_ms: round(percentile(times, 0.95), 2),
      p99_ms: round(percentile(times, 0.99), 2),
      heap_mb: round(heap),
      hit_at_10: judged === 0 ? null : round(hits / judged, 3),
      queries: queries.length,
    },
    top,
  };
}

/** Overlap of two top-10 lists as multisets. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const value of b) counts.set(value, (counts.get(value) ?? 0) + 1);
  let shared = 0;
  for (const value of a) {
    const left = counts.get(value) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(value, left - 1);
    }
  }
  return shared;
}

const stripDiacritics = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export async function runScaleComparison(records: number, jsonPath: string | null): Promise<void> {
  let t = performance.now();
  const registry = generateSyntheticRegistry({ persons: records });
  const documents = extractDocuments(registry);
  console.log(
    `Generated ${records} synthetic people (${documents.length} documents) in ${round(performance.now() - t, 0)} ms.`,
  );
  const queries = buildQueries(documents);
  const docTitles = (indexes: Iterable<number>) => [...indexes].map((i) => documents[i]?.title ?? '');
  const docIds = (indexes: Iterable<number>) => [...indexes].map((i) => documents[i]?.id ?? '');
  const engines: Record<string, EngineFigures> = {};

  const titleById = new Map(documents.map((doc) => [doc.id, doc.title]));
  t = performance.now();
  // Kept for the reopen figures, then let go before the other engines are built.
  const built: { engine: SearchEngine | null } = { engine: null };
  const atmintis = measure(() => {
    const engine = createSearchEngine(documents);
    built.engine = engine;
    return {
      search(query) {
        // Ask for as many hits as the app's result list does (highlights are computed for each).
        const hits = engine.search(query, { limit: APP_RESULT_LIMIT }).hits.slice(0, 10);
        const byId = hits.map((hit) => hit.id);
        return { ids: byId, titles: hits.map((hit) => titleById.get(hit.id) ?? '') };
      },
    };
  }, queries);
  engines.atmintis = atmintis.figures;
  if (!built.engine) throw new Error('the Atmintis engine was not built');
  engines.atmintis.reopen = await measureReopen(built.engine, queries[0]?.text ?? 'Jonas');
  built.engine = null;
  console.log(`atmintis done in ${round(performance.now() - t, 0)} ms`);

  // Plain Fuse: seconds per query here, so a sample of the whole-word queries only.
  // Every seventh: coprime with the four queries per person, so the sample mixes all three types.
  const fuseQueries = queries.filter((query) => query.type !== 'prefix').filter((_, i) => i % 7 === 0);
  t = performance.now();
  const fuse = measure(
    () => {
      const engine = new Fuse(documents, { keys: SEARCH_FIELDS.map((field) => `fields.${field}`) });
      return {
        search(query) {
          const results = engine.search(query, { limit: 10 }).map((result) => result.refIndex);
          return { ids: docIds(results), titles: docTitles(results) };
        },
      };
    },
    fuseQueries,
    false,
  ); // no warm-up: a minute per query at 200,000
  engines.fuse = {
    ...fuse.figures,
    note: `sampled: ${fuseQueries.length} of the ${queries.length} queries (every seventh whole query, no prefixes, no warm-up)`,
  };
  console.log(`fuse done in ${round(performance.now() - t, 0)} ms`);
  let byTitle = 0;
  let byId = 0;
  let compared = 0;
  for (const query of fuseQueries) {
    const theirs = fuse.top.get(query.text);
    const ours = atmintis.top.get(query.text);
    if (!theirs || !ours || theirs.ids.length === 0) continue;
    compared += theirs.ids.length;
    byTitle += overlap(ours.titles, theirs.titles);
    byId += overlap(ours.ids, theirs.ids);
  }
  engines.atmintis.recall_at_10_vs_fuse = compared === 0 ? 0 : round(byTitle / compared, 3);
  engines.atmintis.recall_at_10_vs_fuse_by_id = compared === 0 ? 0 : round(byId / compared, 3);

  t = performance.now();
  engines.ufuzzy = measure(() => {
    const haystack = documents.map((doc) =>
      uFuzzy.latinize([doc.title, ...(doc.fields.names ?? []), ...(doc.fields.places ?? [])].join(' · ')),
    );
    const engine = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
    return {
      search(query) {
        const [idxs, info, order] = engine.search(haystack, uFuzzy.latinize(query), 0, 1000);
        const ranked =
          order && info ? order.slice(0, 10).map((i) => info.idx[i] as number) : (idxs ?? []).slice(0, 10);
        return { ids: docIds(ranked), titles: docTitles(ranked) };
      },
    };
  }, queries).figures;
  console.log(`ufuzzy done in ${round(performance.now() - t, 0)} ms`);

  t = performance.now();
  engines.minisearch = measure(() => {
    const fields = ['title', 'names', 'places', 'summary'];
    const engine = new MiniSearch<Record<string, string | number>>({
      fields,
      processTerm: (term) => stripDiacritics(term),
      searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'AND' },
    });
    engine.addAll(
      documents.map((doc, id) => ({
        id,
        ...Object.fromEntries(fields.map((field) => [field, (doc.fields[field as 'title'] ?? []).join(' ')])),
      })),
    );
    return {
      search(query) {
        const ranked = engine
          .search(query)
          .slice(0, 10)
          .map((result) => result.id as number);
        return { ids: docIds(ranked), titles: docTitles(ranked) };
      },
    };
  }, queries).figures;
  console.log(`minisearch done in ${round(performance.now() - t, 0)} ms`);

  const report = { records, documents: documents.length, engines };
  const text = JSON.stringify(report, null, 2);
  console.log(text);
  if (jsonPath) writeFileSync(jsonPath, `${text}\n`);
}

async function measureReopen(engine: SearchEngine, query: string): Promise<ReopenFigures> {
  const store = createSearchIndexStore({
    dataDirectory: mkdtempSync(join(tmpdir(), 'atmintis-bench-index-')),
  });
  const key = searchIndexKey([{ id: 'synthetic-registry', revision: 'bench' }]);
  let t = performance.now();
  // What the worker uploads and the index route streams to disk (save-index.ts): the raw bytes.
  const saved = await store.save(key, engine.snapshot());
  const saveMs = performance.now() - t;

  const before = heapMb();
  const externalBefore = process.memoryUsage().arrayBuffers;
  t = performance.now();
  // What the index route serves (src/main/search-index/serve-index.ts): the stored bytes, checked.
  const loaded = await store.load(key);
  const readMs = performance.now() - t;
  if (!loaded) throw new Error('the saved index did not load');
  t = performance.now();
  const reopened = loadSearchEngine(loaded);
  const openMs = performance.now() - t;
  t = performance.now();
  reopened.search(query, { limit: APP_RESULT_LIMIT });
  const firstSearchMs = performance.now() - t;
  const heap = heapMb() - before;
  const external = (process.memoryUsage().arrayBuffers - externalBefore) / 1e6;
  return {
    snapshot_mb: round(saved.bytes / 1e6),
    save_ms: round(saveMs, 0),
    read_ms: round(readMs, 0),
    open_ms: round(openMs, 0),
    first_search_ms: round(firstSearchMs, 1),
    reopen_ms: round(readMs + openMs + firstSearchMs, 0),
    heap_mb: round(heap),
    external_mb: round(external),
  };
}
