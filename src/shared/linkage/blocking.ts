/**
 * Blocking: which pairs are compared at all, so that 200,000 × 200,000 records never means 4·10¹⁰
 * comparisons. Two passes, each pair compared at most once:
 *
 *   1. Surname sound: records sharing a Daitch–Mokotoff code of a surname word (or, for words too short
 *      to code, the same spelling skeleton), and whose birth years are at most two apart (a record
 *      without a birth year is paired with the whole block). A pair sharing several codes is compared in
 *      the block of the smallest.
 *   2. Given name: records with the same given name (its gazetteer group, else its skeleton) and the
 *      same first letter of the surname skeleton, both with birth years at most two apart, not already
 *      paired by pass 1. It catches surnames a typo or a Polonised form moved to another code.
 */
import { MAX_BIRTH_YEAR_GAP } from './compare';
import type { PreparedRecord } from './prepare';
import type { LinkScope } from './types';

export interface BlockingOptions {
  scope: LinkScope;
  /** When set, only pairs with at least one record in this set (indices) are produced. */
  touching?: ReadonlySet<number>;
}

/** A block: the key it was formed on and the indices of its records. */
export interface Block {
  pass: 1 | 2;
  key: string;
  members: number[];
}

/** Sorted pass-1 keys of a record. */
export function surnameKeys(record: PreparedRecord): string[] {
  const surname = record.surname;
  if (!surname) return [];
  if (surname.codes.length > 0) return [...surname.codes].sort();
  return [`s:${surname.skeleton}`];
}

/** The pass-2 key of a record, or undefined when it lacks a given name, a birth year or a surname. */
export function givenNameKey(record: PreparedRecord): string | undefined {
  const given = record.givenName;
  if (!given || !record.birth || !record.surname) return undefined;
  const name = given.groups.length > 0 ? `g:${[...given.groups].sort()[0]}` : given.skeleton.split(' ')[0];
  return `${name}|${record.surname.skeleton.charAt(0)}`;
}

/** Blocks of both passes, largest key space first; blocks of one record are dropped. */
export function buildBlocks(records: readonly PreparedRecord[]): Block[] {
  const first = new Map<string, number[]>();
  const second = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  for (const record of records) {
    for (const key of surnameKeys(record)) add(first, key, record.index);
    const key = givenNameKey(record);
    if (key !== undefined) add(second, key, record.index);
  }
  const blocks: Block[] = [];
  for (const [key, members] of first) if (members.length > 1) blocks.push({ pass: 1, key, members });
  for (const [key, members] of second) if (members.length > 1) blocks.push({ pass: 2, key, members });
  return blocks;
}

/** The smallest pass-1 key two records share, or undefined. */
export function smallestSharedKey(a: readonly string[], b: readonly string[]): string | undefined {
  for (const key of a) if (b.includes(key)) return key;
  return undefined;
}

function allowed(a: PreparedRecord, b: PreparedRecord, options: BlockingOptions): boolean {
  if (a.id === b.id) return false;
  const same = a.collection === b.collection;
  if (options.scope === 'across' && same) return false;
  if (options.scope === 'within' && !same) return false;
  const touching = options.touching;
  return !touching || touching.has(a.index) || touching.has(b.index);
}

/**
 * Calls `visit` for every pair of the block that blocking compares. `keysOf` gives a record's pass-1
 * keys (precomputed by the caller, indexed like `records`).
 */
export function forEachPair(
  block: Block,
  records: readonly PreparedRecord[],
  keysOf: readonly (readonly string[])[],
  options: BlockingOptions,
  visit: (a: PreparedRecord, b: PreparedRecord) => void,
): void {
  const dated: PreparedRecord[] = [];
  const undated: PreparedRecord[] = [];
  for (const index of block.members) {
    const record = records[index];
    if (!record) continue;
    (record.birth ? dated : undated).push(record);
  }
  const consider = (a: PreparedRecord, b: PreparedRecord) => {
    if (!allowed(a, b, options)) return;
    const shared = smallestSharedKey(keysOf[a.index] ?? [], keysOf[b.index] ?? []);
    // Pass 2 leaves out what pass 1 compared: a shared surname key within the same year window.
    if (block.pass === 1 ? shared !== block.key : shared !== undefined) return;
    visit(a, b);
  };
  dated.sort((x, y) => (x.birth?.year ?? 0) - (y.birth?.year ?? 0));
  for (let i = 0; i < dated.length; i++) {
    const a = dated[i] as PreparedRecord;
    const limit = (a.birth?.year ?? 0) + MAX_BIRTH_YEAR_GAP;
    for (let j = i + 1; j < dated.length; j++) {
      const b = dated[j] as PreparedRecord;
      if ((b.birth?.year ?? 0) > limit) break;
      consider(a, b);
    }
  }
  for (let i = 0; i < undated.length; i++) {
    const a = undated[i] as PreparedRecord;
    for (let j = i + 1; j < undated.length; j++) consider(a, undated[j] as PreparedRecord);
    for (const b of dated) consider(a, b);
  }
}
