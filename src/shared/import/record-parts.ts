/**
 * Records travel from the import worker to the main process as JSON, encoded once in the worker (the
 * worker packs them first: record-pack.ts).
 * Posting record objects cost a structured clone out of the worker, another into the page, a
 * JSON.stringify on the page's thread and the garbage of all three (issue 13: the browser import spent
 * more time there than parsing the file); a string crosses postMessage as one flat copy and is sent
 * as it is. The main process decodes a part here, with the same guards its transport applies to a
 * request body, before the record schema checks every record.
 */
import { MAX_PART_JSON_CHARS, MAX_RECORDS_PER_BATCH } from '../ipc/channels/imports';
import { describeExcessiveNesting, findExcessiveNesting } from '../json/nesting';
import { isPackedRecords, packRecords, unpackRecords } from './record-pack';

/**
 * What every record of one import says about where it came from, sent once with `imports.begin`
 * instead of with each record (≈ 13 % of a registry row's JSON); the main process puts it back.
 */
export interface SharedProvenance {
  collection: string;
  file: string;
  importedAt: string;
}

const SHARED_PROVENANCE_KEYS = ['collection', 'file', 'importedAt'] as const;

/** Lists the record schema restores as empty when they are absent (its defaults). */
const DEFAULT_EMPTY_LISTS = new Set(['altNames', 'altDates', 'relations', 'claims', 'citations']);

/**
 * The record as it travels: without the empty lists (and a person's empty summary) that the record
 * schema restores in the main process, which checks every record with it before storing. They were a
 * tenth of every imported row's JSON; nothing the file said is left out. With `shared`, a provenance
 * that says exactly that travels as its row alone (`withSharedProvenance` restores it); any other
 * provenance travels whole.
 */
export function wireRecord(record: unknown, shared?: SharedProvenance): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const full = record as Record<string, unknown>;
  const person = full['kind'] === 'person';
  const slim: Record<string, unknown> = {};
  // Copied rather than deleted from: a deleted key makes the object slow to serialise.
  for (const key of Object.keys(full)) {
    const value = full[key];
    if (DEFAULT_EMPTY_LISTS.has(key) && Array.isArray(value) && value.length === 0) continue;
    if (person && key === 'summary' && value === '') continue;
    slim[key] = key === 'provenance' && shared ? withoutShared(value, shared) : value;
  }
  return slim;
}

function withoutShared(provenance: unknown, shared: SharedProvenance): unknown {
  if (typeof provenance !== 'object' || provenance === null || Array.isArray(provenance)) return provenance;
  const full = provenance as Record<string, unknown>;
  if (!SHARED_PROVENANCE_KEYS.every((key) => full[key] === shared[key])) return provenance;
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(full)) {
    if (!(SHARED_PROVENANCE_KEYS as readonly string[]).includes(key)) rest[key] = full[key];
  }
  return rest;
}

/**
 * The main process's side of `wireRecord`'s `shared`: a record whose provenance names none of the
 * collection, file and import time gets the import's. A provenance that names any of them is left as
 * it is (the record schema then judges it), so nothing a record says is ever overwritten.
 */
export function withSharedProvenance(records: readonly unknown[], shared: SharedProvenance): unknown[] {
  return records.map((record) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
    const provenance = (record as Record<string, unknown>)['provenance'];
    if (typeof provenance !== 'object' || provenance === null || Array.isArray(provenance)) return record;
    const given = provenance as Record<string, unknown>;
    if (SHARED_PROVENANCE_KEYS.some((key) => key in given)) return record;
    return { ...record, provenance: { ...given, ...shared } };
  });
}

/**
 * `records` (as `wireRecord`s) as JSON arrays of at most MAX_RECORDS_PER_BATCH records and, where the records allow,
 * `maxChars` characters each, in order. A single record longer than `maxChars` is a part of its own
 * (the main process refuses it if it exceeds what the channel accepts).
 */
export function encodeRecordParts(
  records: readonly unknown[],
  maxChars = MAX_PART_JSON_CHARS,
  shared?: SharedProvenance,
): { json: string; count: number }[] {
  if (records.length === 0) return [];
  if (records.length > MAX_RECORDS_PER_BATCH) {
    return [
      ...encodeRecordParts(records.slice(0, MAX_RECORDS_PER_BATCH), maxChars, shared),
      ...encodeRecordParts(records.slice(MAX_RECORDS_PER_BATCH), maxChars, shared),
    ];
  }
  const json = JSON.stringify(records.map((record) => wireRecord(record, shared)));
  if (json.length <= maxChars || records.length === 1) return [{ json, count: records.length }];
  const half = Math.ceil(records.length / 2);
  return [
    ...encodeRecordParts(records.slice(0, half), maxChars, shared),
    ...encodeRecordParts(records.slice(half), maxChars, shared),
  ];
}

/**
 * `records` (as `wireRecord`s) in parts for the worker to hand over without a copy (a transferred
 * buffer) and the HTTP transport to send as they are, so the page never walks the text: each part the
 * UTF-8 bytes of a packed part (record-pack.ts), or of a JSON array of the records when they hold
 * something the packed form does not keep as JSON would. Same splitting as `encodeRecordParts`.
 */
export function encodeRecordPartBytes(
  records: readonly unknown[],
  maxChars = MAX_PART_JSON_CHARS,
  shared?: SharedProvenance,
): { json: Uint8Array<ArrayBuffer>; count: number }[] {
  const encoder = new TextEncoder();
  return packedParts(records, maxChars, shared).map(({ json, count }) => ({
    json: encoder.encode(json),
    count,
  }));
}

function packedParts(
  records: readonly unknown[],
  maxChars: number,
  shared: SharedProvenance | undefined,
): { json: string; count: number }[] {
  if (records.length === 0) return [];
  if (records.length > MAX_RECORDS_PER_BATCH) {
    return [
      ...packedParts(records.slice(0, MAX_RECORDS_PER_BATCH), maxChars, shared),
      ...packedParts(records.slice(MAX_RECORDS_PER_BATCH), maxChars, shared),
    ];
  }
  const wire = records.map((record) => wireRecord(record, shared));
  const packed = packRecords(wire);
  const json = JSON.stringify(packed ?? wire);
  if (json.length <= maxChars || records.length === 1) return [{ json, count: records.length }];
  const half = Math.ceil(records.length / 2);
  return [
    ...packedParts(records.slice(0, half), maxChars, shared),
    ...packedParts(records.slice(half), maxChars, shared),
  ];
}

export type DecodedPart = { ok: true; records: unknown[] } | { ok: false; reason: string };

/**
 * One part's records, or why it is not a list of 1 to MAX_RECORDS_PER_BATCH records. The part is JSON
 * text, its UTF-8 bytes, or the value a transport already parsed from those bytes (with its own
 * guards): a JSON array of records, or a packed part (record-pack.ts).
 */
export function decodeRecordPart(part: string | Uint8Array | readonly unknown[] | object): DecodedPart {
  if (Array.isArray(part)) return countChecked(part as unknown[]);
  if (isPackedRecords(part)) return unpackedChecked(part);
  if (typeof part === 'string') return decodeRecordText(part);
  // By view, not `instanceof`: bytes made in another realm (a worker's, a test's) are bytes too.
  if (!ArrayBuffer.isView(part)) return { ok: false, reason: 'the records are not a JSON array' };
  let json: string;
  try {
    // Bytes that are not UTF-8 are refused, never replaced: the records would no longer be the file's.
    json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(part as Uint8Array);
  } catch {
    return { ok: false, reason: 'the records are not valid UTF-8' };
  }
  return decodeRecordText(json);
}

function decodeRecordText(json: string): DecodedPart {
  const tooDeep = findExcessiveNesting(json);
  if (tooDeep) return { ok: false, reason: `the records are JSON ${describeExcessiveNesting(tooDeep)}` };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, reason: `the records are not valid JSON: ${(error as Error).message}` };
  }
  if (isPackedRecords(value)) return unpackedChecked(value);
  if (!Array.isArray(value)) return { ok: false, reason: 'the records are not a JSON array' };
  return countChecked(value);
}

function unpackedChecked(packed: unknown): DecodedPart {
  // The count is checked before a code is read: a part may not unpack into more records than a part holds.
  const count = (packed as { count?: unknown }).count;
  if (typeof count === 'number' && (count < 1 || count > MAX_RECORDS_PER_BATCH)) {
    return { ok: false, reason: `a part holds 1 to ${MAX_RECORDS_PER_BATCH} records, not ${count}` };
  }
  const unpacked = unpackRecords(packed);
  return unpacked.ok ? countChecked(unpacked.records) : unpacked;
}

function countChecked(value: unknown[]): DecodedPart {
  if (value.length === 0 || value.length > MAX_RECORDS_PER_BATCH) {
    return {
      ok: false,
      reason: `a part holds 1 to ${MAX_RECORDS_PER_BATCH} records, not ${value.length}`,
    };
  }
  return { ok: true, records: value };
}
