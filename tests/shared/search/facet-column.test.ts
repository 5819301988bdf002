import { describe, expect, it } from 'vitest';
import { FacetColumn } from '@shared/search/facet-column';
import { RaggedBuilder } from '@shared/search/ragged';

describe('FacetColumn', () => {
  it('counts the values of the given documents only, leaving out values none of them holds', () => {
    const labels = ['igarka', 'tomsk', 'altai'];
    const lists = new RaggedBuilder();
    lists.add([0, 1]); // document 0: igarka, tomsk
    lists.add([]); // document 1
    lists.add([1]); // document 2: tomsk
    lists.add([2]); // document 3: altai
    const column = new FacetColumn(labels, lists.build());
    expect(column.count([0, 1, 2])).toEqual([
      { value: 'igarka', count: 1 },
      { value: 'tomsk', count: 2 },
    ]);
    expect(column.count([1])).toEqual([]);
    expect(column.count([3, 3])).toEqual([{ value: 'altai', count: 2 }]);
    // Counting the documents left out and subtracting from the totals gives the same answer.
    expect(column.countAllExcept([1, 2])).toEqual(column.count([0, 3]));
    expect(column.countAllExcept([0, 1, 2, 3])).toEqual([]);
  });
});
