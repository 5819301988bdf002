/**
 * The prepared index (prepared-index.ts) as one block of bytes, and back. Reopening a 200,000-person
 * collection then costs reading the file and checking it, not folding a million strings again.
 *
 * Layout: 8 bytes magic, uint32 format, uint32 header length, the header (UTF-8 JSON: counts,
 * vocabulary, sound keys, where each section is), then, from the next multiple of 8, the sections:
 * typed arrays copied as they are (little-endian, each at a multiple of 8 bytes), strings as one UTF-8
 * block with offsets.
 *
 * Loading checks everything the engine relies on (every length, every offset, every id in range) and
 * throws a SnapshotError naming the section and the position that is wrong, so a damaged file is
 * rebuilt from the collections instead of being searched. Strings are decoded lazily and not
 * re-validated: a damaged byte inside one shows as U+FFFD, it cannot break the engine.
 */
import { SEARCH_KINDS } from './documents';
import { FIELD_COUNT, NO_STRING, STATUS_CODES, type FacetData, type PreparedIndex } from './layout';
import { FACET_FIELDS, type FacetField } from './facets';
import type { Ragged } from './ragged';
import { TIER } from './ranking';
import { emptyPrefixAnswers, type PrefixAnswers } from './short-prefixes';
import { SNAPSHOT_FORMAT } from './snapshot-format';
import { Utf8Strings, encodeStrings } from './string-table';

export { SNAPSHOT_FORMAT };
const MAGIC = 'ATMSIDX\n';
const PREAMBLE_BYTES = 16;

export class SnapshotError extends Error {
  constructor(message: string) {
    super(`Search index snapshot: ${message}`);
    this.name = 'SnapshotError';
  }
}

type Column = Int32Array | Uint8Array | Float64Array;
type SectionType = 'i32' | 'u8' | 'f64';
const SECTION_TYPES: Record<SectionType, number> = { i32: 4, u8: 1, f64: 8 };
type ColumnOf<T extends SectionType> = T extends 'i32'
  ? Int32Array
  : T extends 'u8'
    ? Uint8Array
    : Float64Array;

interface Header {
  documents: number;
  values: number;
  vocabulary: string[];
  phoneticKeys: string[];
  facetLabels: Record<FacetField, string[]>;
  /** The words precomputed (short-prefixes.ts), in the order of the prefixes.* sections. */
  prefixTerms: string[];
  /** name → [type, byte offset from the start of the data, element count] */
  sections: Record<string, [SectionType, number, number]>;
}

/** Every section by name, in the order written. */
function sectionsOf(
  index: PreparedIndex,
  strings: { bytes: Uint8Array; offsets: Int32Array },
  prefixes: PrefixAnswers,
) {
  const { documents: d, values: v, derived } = index;
  const ragged = (name: string, r: Ragged): [string, Column][] => [
    [`${name}.start`, r.start],
    [`${name}.items`, r.items],
  ];
  return new Map<string, Column>([
    ['strings.bytes', strings.bytes],
    ['strings.offsets', strings.offsets],
    ['documents.id', d.id],
    ['documents.targetId', d.targetId],
    ['documents.path', d.path],
    ['documents.title', d.title],
    ['documents.collection', d.collection],
    ['documents.date', d.date],
    ['documents.earliest', d.earliest],
    ['documents.latest', d.latest],
    ['documents.kind', d.kind],
    ['documents.status', d.status],
    ['documents.phonetic', d.phonetic],
    ['documents.yearFrom', d.yearFrom],
    ['documents.yearTo', d.yearTo],
    ...ragged('documents.fields', d.fields),
    ...ragged('documents.places', d.places),
    ...ragged('documents.sources', d.sources),
    ...ragged('documents.tags', d.tags),
    ['documents.order', d.order],
    ['documents.byId', d.byId],
    ['values.text', v.text],
    ['values.digraph', v.digraph],
    ['values.drop', v.drop],
    ...ragged('values.words', v.words),
    ...ragged('values.phonetic', v.phonetic),
    ...ragged('postings', derived.postings),
    ...ragged('soundIndex', derived.soundIndex),
    ...FACET_FIELDS.flatMap((field) => ragged(`facets.${field}`, derived.facets[field].lists)),
    ['prefixes.totals', prefixes.totals],
    ['prefixes.similar', prefixes.similar],
    ...ragged('prefixes.hits', prefixes.hits),
    ['prefixes.scores', prefixes.scores],
    ['prefixes.tiers', prefixes.tiers],
    ...FACET_FIELDS.flatMap((field) => ragged(`prefixes.facets.${field}`, prefixes.facets[field])),
  ]);
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function encodeSnapshot(index: PreparedIndex): Uint8Array {
  const all = Array.from({ length: index.strings.size }, (_, i) => index.strings.get(i));
  const prefixes = index.prefixes ?? emptyPrefixAnswers(FACET_FIELDS);
  const sections = sectionsOf(index, encodeStrings(all), prefixes);
  const header: Header = {
    documents: index.documents.count,
    values: index.values.count,
    vocabulary: [...index.vocabulary],
    phoneticKeys: [...index.phoneticKeys],
    facetLabels: Object.fromEntries(
      FACET_FIELDS.map((field) => [field, index.derived.facets[field].labels]),
    ) as Record<FacetField, string[]>,
    prefixTerms: prefixes.terms,
    sections: {},
  };
  // Offsets count from the start of the data, which follows the header at a multiple of 8.
  let at = 0;
  for (const [name, column] of sections) {
    const type = column instanceof Uint8Array ? 'u8' : column instanceof Float64Array ? 'f64' : 'i32';
    header.sections[name] = [type, at, column.length];
    at = align8(at + column.byteLength);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(PREAMBLE_BYTES + headerBytes.length);
  const out = new Uint8Array(dataStart + at);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, SNAPSHOT_FORMAT, true);
  view.setUint32(12, headerBytes.length, true);
  out.set(headerBytes, PREAMBLE_BYTES);
  for (const [name, column] of sections) {
    const [, offset] = header.sections[name] as [SectionType, number, number];
    out.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), dataStart + offset);
  }
  return out;
}

export function decodeSnapshot(input: Uint8Array): PreparedIndex {
  if (new Uint16Array(new Uint8Array([1, 0]).buffer)[0] !== 1)
    throw new SnapshotError('this machine is big-endian; snapshots are little-endian');
  // Typed-array views need aligned offsets: copy a misaligned input once.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  if (bytes.length < PREAMBLE_BYTES || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    throw new SnapshotError('not a search index (wrong magic bytes)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(8, true);
  if (format !== SNAPSHOT_FORMAT)
    throw new SnapshotError(`format ${format}, this version reads format ${SNAPSHOT_FORMAT}`);
  const headerLength = view.getUint32(12, true);
  if (PREAMBLE_BYTES + headerLength > bytes.length) throw new SnapshotError('header runs past the end');
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength)),
    ) as Header;
  } catch (error) {
    throw new SnapshotError(`header is not JSON (${(error as Error).message})`);
  }
  const dataStart = align8(PREAMBLE_BYTES + headerLength);
  const n = header.documents;
  const m = header.values;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 0)
    throw new SnapshotError('header counts are not whole numbers');
  if (!isStringArray(header.vocabulary) || !isStringArray(header.phoneticKeys))
    throw new SnapshotError('header vocabulary or sound keys are not lists of strings');
  if (!isStringArray(header.prefixTerms))
    throw new SnapshotError('header prefixTerms (the precomputed words) is not a list of strings');
  for (const field of FACET_FIELDS) {
    if (!isStringArray(header.facetLabels?.[field]))
      throw new SnapshotError(`header labels of the ${field} facet are not a list of strings`);
  }

  const section = <T extends SectionType>(name: string, type: T, length?: number) => {
    const entry = header.sections?.[name];
    if (!entry) throw new SnapshotError(`section ${name} is missing`);
    const [actual, offset, count] = entry;
    if (actual !== type) throw new SnapshotError(`section ${name} is ${actual}, expected ${type}`);
    const size = SECTION_TYPES[type];
    if (!Number.isInteger(offset) || offset % 8 !== 0 || !Number.isInteger(count) || count < 0)
      throw new SnapshotError(`section ${name} has a bad position`);
    if (dataStart + offset + count * size > bytes.length)
      throw new SnapshotError(`section ${name} runs past the end`);
    if (length !== undefined && count !== length)
      throw new SnapshotError(`section ${name} has ${count} entries, expected ${length}`);
    const at = bytes.byteOffset + dataStart + offset;
    return (
      type === 'i32'
        ? new Int32Array(bytes.buffer, at, count)
        : type === 'f64'
          ? new Float64Array(bytes.buffer, at, count)
          : new Uint8Array(bytes.buffer, at, count)
    ) as ColumnOf<T>;
  };
  const ragged = (name: string, lists: number, limit: number): Ragged => {
    const start = section(`${name}.start`, 'i32', lists + 1);
    const items = section(`${name}.items`, 'i32');
    checkOffsets(`${name}.start`, start, items.length);
    checkIds(`${name}.items`, items, limit, false);
    return { start, items };
  };

  const stringBytes = section('strings.bytes', 'u8');
  const stringOffsets = section('strings.offsets', 'i32');
  if (stringOffsets.length === 0) throw new SnapshotError('section strings.offsets is empty');
  checkOffsets('strings.offsets', stringOffsets, stringBytes.length);
  const s = stringOffsets.length - 1;

  const strings = (name: string, nullable = false) => {
    const column = section(name, 'i32', n);
    checkIds(name, column, s, nullable);
    return column;
  };
  const codes = (name: string, limit: number) => {
    const column = section(name, 'u8', n);
    checkIds(name, column, limit, false);
    return column;
  };
  const permutation = (name: string) => {
    const column = section(name, 'i32', n);
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const d = column[i] as number;
      if (!(d >= 0 && d < n) || seen[d] === 1)
        throw new SnapshotError(`${name}[${i}] = ${d} is not a permutation of the documents`);
      seen[d] = 1;
    }
    return column;
  };

  const valueStrings = (name: string, nullable: boolean) => {
    const column = section(name, 'i32', m);
    checkIds(name, column, s, nullable);
    return column;
  };

  return {
    strings: new Utf8Strings(stringBytes, stringOffsets),
    vocabulary: header.vocabulary,
    phoneticKeys: header.phoneticKeys,
    documents: {
      count: n,
      id: strings('documents.id'),
      targetId: strings('documents.targetId'),
      path: strings('documents.path'),
      title: strings('documents.title'),
      collection: strings('documents.collection'),
      date: strings('documents.date', true),
      earliest: strings('documents.earliest', true),
      latest: strings('documents.latest', true),
      kind: codes('documents.kind', SEARCH_KINDS.length),
      status: codes('documents.status', STATUS_CODES.length),
      phonetic: codes('documents.phonetic', 2),
      yearFrom: section('documents.yearFrom', 'i32', n),
      yearTo: section('documents.yearTo', 'i32', n),
      fields: ragged('documents.fields', n * FIELD_COUNT, m),
      places: ragged('documents.places', n, s),
      sources: ragged('documents.sources', n, s),
      tags: ragged('documents.tags', n, s),
      order: permutation('documents.order'),
      byId: permutation('documents.byId'),
    },
    values: {
      count: m,
      text: valueStrings('values.text', false),
      digraph: valueStrings('values.digraph', true),
      drop: valueStrings('values.drop', true),
      words: ragged('values.words', 2 * m, header.vocabulary.length),
      phonetic: ragged('values.phonetic', m, header.phoneticKeys.length),
    },
    derived: {
      postings: ragged('postings', header.vocabulary.length, n),
      soundIndex: ragged('soundIndex', header.phoneticKeys.length, n),
      facets: Object.fromEntries(
        FACET_FIELDS.map((field): [FacetField, FacetData] => {
          const labels = header.facetLabels[field];
          return [field, { labels, lists: ragged(`facets.${field}`, n, labels.length) }];
        }),
      ) as Record<FacetField, FacetData>,
    },
    prefixes: decodePrefixes(
      header.prefixTerms,
      n,
      (field) => header.facetLabels[field].length,
      section,
      ragged,
    ),
  };
}

/** The precomputed answers, checked as the rest: every document, tier, label and count in range. */
function decodePrefixes(
  terms: string[],
  documents: number,
  labelCount: (field: FacetField) => number,
  section: <T extends SectionType>(name: string, type: T, length?: number) => ColumnOf<T>,
  ragged: (name: string, lists: number, limit: number) => Ragged,
): PrefixAnswers {
  const p = terms.length;
  const totals = section('prefixes.totals', 'i32', p);
  checkIds('prefixes.totals', totals, documents + 1, false);
  const similar = section('prefixes.similar', 'i32', p);
  checkIds('prefixes.similar', similar, documents + 1, false);
  const hits = ragged('prefixes.hits', p, documents);
  const scores = section('prefixes.scores', 'f64', hits.items.length);
  scores.forEach((score, i) => {
    if (!Number.isFinite(score)) throw new SnapshotError(`prefixes.scores[${i}] = ${score} is not a number`);
  });
  const tiers = section('prefixes.tiers', 'u8', hits.items.length);
  checkIds('prefixes.tiers', tiers, TIER.exact + 1, false);
  const facets = Object.fromEntries(
    FACET_FIELDS.map((field): [FacetField, Ragged] => {
      const name = `prefixes.facets.${field}`;
      // Label and count pairs: ids checked against the larger of the two limits, then each half.
      const pairs = ragged(name, p, Math.max(labelCount(field), documents + 1));
      for (let i = 0; i < pairs.items.length; i += 2) {
        if ((pairs.items[i] as number) >= labelCount(field) || (pairs.items[i + 1] as number) > documents)
          throw new SnapshotError(`${name} pair at ${i} is out of range`);
      }
      if (Array.from(pairs.start).some((at) => at % 2 !== 0))
        throw new SnapshotError(`${name} does not hold label and count pairs`);
      return [field, pairs];
    }),
  ) as Record<FacetField, Ragged>;
  return { terms, totals, similar, hits, scores, tiers, facets };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Offsets start at 0, never decrease, and end at the length of what they index. */
function checkOffsets(name: string, offsets: Int32Array, end: number): void {
  if (offsets[0] !== 0) throw new SnapshotError(`${name}[0] is ${offsets[0]}, expected 0`);
  for (let i = 1; i < offsets.length; i++) {
    if ((offsets[i] as number) < (offsets[i - 1] as number))
      throw new SnapshotError(`${name}[${i}] goes backwards`);
  }
  if (offsets[offsets.length - 1] !== end)
    throw new SnapshotError(`${name} ends at ${offsets[offsets.length - 1]}, expected ${end}`);
}

/** Every id is below `limit` (or NO_STRING where a value may be missing). */
function checkIds(name: string, ids: Int32Array | Uint8Array, limit: number, nullable: boolean): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id >= 0 && id < limit) continue;
    if (nullable && id === NO_STRING) continue;
    throw new SnapshotError(`${name}[${i}] = ${id} is out of range (0–${limit - 1})`);
  }
}
