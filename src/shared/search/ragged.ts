/**
 * Lists of numbers of varying length stored flat: list i is `items[start[i]] .. items[start[i + 1] - 1]`.
 * 200,000 documents' lists cost two typed arrays instead of 200,000 small arrays, and a snapshot stores
 * them as they are.
 */
export interface Ragged {
  start: Int32Array;
  items: Int32Array;
}

export class RaggedBuilder {
  private readonly start: number[] = [0];
  private readonly items: number[] = [];

  /** Appends the next list. */
  add(list: Iterable<number>): void {
    for (const item of list) this.items.push(item);
    this.start.push(this.items.length);
  }

  build(): Ragged {
    return { start: Int32Array.from(this.start), items: Int32Array.from(this.items) };
  }
}

/** List i as a view (no copy). */
export function listOf(ragged: Ragged, i: number): Int32Array {
  return ragged.items.subarray(ragged.start[i], ragged.start[i + 1]);
}

/**
 * Calls `emit` with a list number and items `items[from] .. items[to - 1]` of that list, a list's calls
 * together, lists ascending. (A range of a shared array, not a subarray: millions of calls.)
 */
export type ListVisitor = (
  emit: (list: number, items: ArrayLike<number>, from: number, to: number) => void,
) => void;

/**
 * Inverts lists: for each item value (0..targets-1), the lists holding it, ascending, without
 * repeats. Visits twice (count, then fill) so the result is allocated once and nothing per list is kept.
 */
export function invert(visit: ListVisitor, targets: number): Ragged {
  const counts = new Int32Array(targets + 1);
  const last = new Int32Array(targets).fill(-1);
  visit((list, items, from, to) => {
    for (let i = from; i < to; i++) {
      const item = items[i] as number;
      if (last[item] === list) continue;
      last[item] = list;
      counts[item + 1] = (counts[item + 1] as number) + 1;
    }
  });
  const start = new Int32Array(targets + 1);
  for (let t = 0; t < targets; t++) start[t + 1] = (start[t] as number) + (counts[t + 1] as number);
  const fill = start.slice(0, targets);
  const items = new Int32Array(start[targets] as number);
  last.fill(-1);
  visit((list, values, from, to) => {
    for (let i = from; i < to; i++) {
      const item = values[i] as number;
      if (last[item] === list) continue;
      last[item] = list;
      items[fill[item] as number] = list;
      fill[item] = (fill[item] as number) + 1;
    }
  });
  return { start, items };
}
