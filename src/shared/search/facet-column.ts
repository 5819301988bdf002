/**
 * One facet's values for every document, as numbers into a list of labels, stored flat (see ragged.ts),
 * so counting a facet over 150,000 matches is a loop of array increments rather than string-keyed map
 * updates.
 */
import type { FacetCount } from './response';
import type { Ragged } from './ragged';

export class FacetColumn {
  /** `lists` holds, per document, indexes into `labels` (distinct per document). */
  constructor(
    private readonly labels: readonly string[],
    private readonly lists: Ragged,
  ) {}

  private totals: Int32Array | null = null;

  /** How many of these documents hold each value (values no document holds are left out). */
  count(indexes: ArrayLike<number>): FacetCount[] {
    // A facet no document has a value of (person facets in a collection without people): nothing to walk.
    if (this.labels.length === 0) return [];
    return this.toCounts(this.tally(new Int32Array(this.labels.length), indexes, 1));
  }

  /**
   * The same for every document except these: when a query matches most of a large collection, the
   * few it does not match are quicker to count (and subtract from the totals) than the many it does.
   */
  countAllExcept(excluded: ArrayLike<number>): FacetCount[] {
    if (this.labels.length === 0) return [];
    if (!this.totals) {
      const all = Int32Array.from({ length: this.lists.start.length - 1 }, (_, i) => i);
      this.totals = this.tally(new Int32Array(this.labels.length), all, 1);
    }
    return this.toCounts(this.tally(this.totals.slice(), excluded, -1));
  }

  private tally(counts: Int32Array, indexes: ArrayLike<number>, step: 1 | -1): Int32Array {
    const { start, items } = this.lists;
    for (let k = 0; k < indexes.length; k++) {
      const index = indexes[k] as number;
      const end = start[index + 1] as number;
      for (let i = start[index] as number; i < end; i++) {
        const id = items[i] as number;
        counts[id] = (counts[id] as number) + step;
      }
    }
    return counts;
  }

  private toCounts(counts: Int32Array): FacetCount[] {
    const result: FacetCount[] = [];
    counts.forEach((count, id) => {
      if (count > 0) result.push({ value: this.labels[id] as string, count });
    });
    return result;
  }
}
