/**
 * The packed wire form of a part of records (issue 13): what `JSON.stringify` of the records would say,
 * with every distinct string and every object's list of keys written once per part, and the records
 * themselves a flat list of integer codes. A registry repeats its keys (`person`, `birthDate`, `text`,
 * every other field's header) in every record and its values (places, dates, fates) in thousands of
 * records; the worker spent more time serialising those repeats than parsing the file, and Chromium
 * then moved and the main process parsed them again. A flat array of small integers is the cheapest
 * JSON there is to write and to read.
 *
 * The packed part is itself JSON (so the HTTP transport, its guards and Electron IPC carry it as they
 * carry a records array), and unpacking it gives exactly what `JSON.parse(JSON.stringify(records))`
 * gives: same values, same key order. A part holding anything JSON would turn into something else (a
 * `toJSON`, a class instance, a BigInt) is not packed at all: the caller sends plain JSON instead.
 */
import { MAX_JSON_DEPTH } from '../json/nesting';

export const PACKED_RECORDS_FORMAT = 'atmintis-packed-records-1';

export interface PackedRecords {
  format: typeof PACKED_RECORDS_FORMAT;
  /** How many records the codes hold. */
  count: number;
  /** Every distinct string value, once. */
  strings: string[];
  /** Every distinct list of object keys (in the object's order), once. */
  shapes: string[][];
  /** Numbers that are not small non-negative integers (those travel inside their code). */
  numbers: number[];
  /** The records, depth first: `payload * 8 + tag` for each value (see the tags below). */
  codes: number[];
}

// Tags, the low three bits of a code. The payload (code >>> 3, as a safe integer) is:
const STRING = 0; // an index into `strings`
const OBJECT = 1; // an index into `shapes`; that shape's values follow, in its key order
const ARRAY = 2; // the length; the items follow
const INTEGER = 3; // the integer itself (0 ≤ n < 2^47)
const NUMBER = 4; // an index into `numbers`
const TRUE = 5;
const FALSE = 6;
const NULL = 7;
const TAGS = 8;
/** Keeps every code a safe integer. */
const MAX_INLINE_INTEGER = 2 ** 47;

/** Thrown (and caught in `packRecords`) when a value is not one JSON keeps as it is. */
const NOT_PLAIN = new Error('not plain JSON data');

class Packer {
  readonly strings: string[] = [];
  readonly shapes: string[][] = [];
  readonly numbers: number[] = [];
  readonly codes: number[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly root: ShapeNode = { next: undefined, index: -1, keys: [] };

  /** An array item or a record: where JSON writes `null` for what it cannot hold. */
  item(value: unknown): void {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      this.codes.push(NULL);
    } else this.value(value);
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'string': {
        let index = this.stringIndex.get(value);
        if (index === undefined) {
          index = this.strings.length;
          this.strings.push(value);
          this.stringIndex.set(value, index);
        }
        this.codes.push(index * TAGS + STRING);
        return;
      }
      case 'number':
        if (Number.isInteger(value) && value >= 0 && value < MAX_INLINE_INTEGER) {
          // -0 is written 0, as JSON writes it.
          this.codes.push(value * TAGS + INTEGER);
        } else if (Number.isFinite(value)) {
          this.codes.push(this.numbers.length * TAGS + NUMBER);
          this.numbers.push(value);
        } else this.codes.push(NULL);
        return;
      case 'boolean':
        this.codes.push(value ? TRUE : FALSE);
        return;
      case 'object':
        if (value === null) this.codes.push(NULL);
        else if (Array.isArray(value)) {
          this.codes.push(value.length * TAGS + ARRAY);
          for (const item of value as unknown[]) this.item(item);
        } else this.object(value);
        return;
      default:
        throw NOT_PLAIN;
    }
  }

  private object(value: object): void {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
    const record = value as Record<string, unknown>;
    // The shape's code goes before the values, but which keys it has is known only after them (JSON
    // leaves out keys whose value it cannot hold): its place is kept and filled in at the end.
    const at = this.codes.length;
    this.codes.push(0);
    let node = this.root;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const v = record[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') {
        // JSON would call an own `toJSON` and write what it returns: not plain data.
        if (key === 'toJSON' && typeof v === 'function') throw NOT_PLAIN;
        continue;
      }
      node = this.child(node, key);
      this.value(v);
    }
    if (node.index < 0) {
      node.index = this.shapes.length;
      this.shapes.push(node.keys);
    }
    this.codes[at] = node.index * TAGS + OBJECT;
  }

  /** Shapes are found along a trie of keys: no string is built per object. */
  private child(node: ShapeNode, key: string): ShapeNode {
    node.next ??= new Map();
    let next = node.next.get(key);
    if (next === undefined) {
      next = { next: undefined, index: -1, keys: [...node.keys, key] };
      node.next.set(key, next);
    }
    return next;
  }
}

interface ShapeNode {
  next: Map<string, ShapeNode> | undefined;
  /** Index in `shapes` once an object of exactly these keys was packed, else -1. */
  index: number;
  keys: string[];
}

/** `records` packed, or undefined when one of them holds something plain JSON would change. */
export function packRecords(records: readonly unknown[]): PackedRecords | undefined {
  const packer = new Packer();
  try {
    for (const record of records) packer.item(record);
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
  const { strings, shapes, numbers, codes } = packer;
  return { format: PACKED_RECORDS_FORMAT, count: records.length, strings, shapes, numbers, codes };
}

/** Whether a parsed JSON value claims to be a packed part (it is checked when unpacked). */
export function isPackedRecords(value: unknown): value is { format: typeof PACKED_RECORDS_FORMAT } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === PACKED_RECORDS_FORMAT
  );
}

export type UnpackedRecords = { ok: true; records: unknown[] } | { ok: false; reason: string };

class Malformed extends Error {}

const stringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((s) => typeof s === 'string');

/**
 * The records of a packed part exactly as `JSON.parse` would have given them, or why the part is
 * malformed (an index out of range, codes that end too soon or run on, nesting deeper than any JSON
 * this app accepts). Untrusted input: every index is checked, and nothing is assigned to a prototype.
 */
export function unpackRecords(packed: unknown): UnpackedRecords {
  const fail = (reason: string): UnpackedRecords => ({ ok: false, reason: `the packed records ${reason}` });
  if (!isPackedRecords(packed)) return fail('are not a packed part');
  const { count, strings, shapes, numbers, codes } = packed as Partial<PackedRecords>;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return fail('have no count');
  if (!stringList(strings)) return fail('have a string table that is not a list of strings');
  if (!Array.isArray(shapes) || !shapes.every(stringList)) return fail('have malformed shapes');
  if (!Array.isArray(numbers) || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return fail('have a number table that is not a list of numbers');
  }
  if (!Array.isArray(codes)) return fail('have no codes');
  if (count > codes.length) return fail(`say ${count} records but hold ${codes.length} codes`);
  const hasProtoKey = shapes.map((keys) => keys.includes('__proto__'));
  let at = 0;

  const read = (depth: number): unknown => {
    if (at >= codes.length) throw new Malformed('end too soon');
    const code = codes[at++] as unknown;
    if (typeof code !== 'number' || !Number.isSafeInteger(code) || code < 0) {
      throw new Malformed(`have an invalid code at ${at - 1}`);
    }
    const tag = code % TAGS;
    const payload = (code - tag) / TAGS;
    switch (tag) {
      case STRING:
        if (payload >= strings.length) throw new Malformed(`name string ${payload}, which is not there`);
        return strings[payload];
      case OBJECT: {
        if (depth > MAX_JSON_DEPTH) throw new Malformed(`nest more than ${MAX_JSON_DEPTH} levels deep`);
        const keys = shapes[payload];
        if (keys === undefined) throw new Malformed(`name shape ${payload}, which is not there`);
        const object: Record<string, unknown> = {};
        if (hasProtoKey[payload]) {
          // An own "__proto__" property, as JSON.parse makes it, never the object's prototype.
          for (const key of keys) {
            Object.defineProperty(object, key, {
              value: read(depth + 1),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          }
        } else for (const key of keys) object[key] = read(depth + 1);
        return object;
      }
      case ARRAY: {
        if (depth > MAX_JSON_DEPTH) throw new Malformed(`nest more than ${MAX_JSON_DEPTH} levels deep`);
        if (payload > codes.length - at) throw new Malformed('end too soon');
        const items: unknown[] = [];
        for (let i = 0; i < payload; i++) items.push(read(depth + 1));
        return items;
      }
      case INTEGER:
        return payload;
      case NUMBER:
        if (payload >= numbers.length) throw new Malformed(`name number ${payload}, which is not there`);
        return numbers[payload];
      case TRUE:
        return true;
      case FALSE:
        return false;
      default:
        return null;
    }
  };

  const records: unknown[] = [];
  try {
    // Depth as the JSON array of these records would count it: the array 1, each record 2.
    for (let i = 0; i < count; i++) records.push(read(2));
  } catch (error) {
    if (error instanceof Malformed) return fail(error.message);
    throw error;
  }
  if (at !== codes.length) return fail(`run on after ${count} records`);
  return { ok: true, records };
}
