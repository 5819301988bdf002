import { describe, expect, it } from 'vitest';
import { FacetColumn } from '../../../src/shared/search/facet-column';

describe('FacetColumn', () => {
  it('counts the values of the given documents only, leaving out values none of them holds', () => {
    const column = FacetColumn.fromValues([
      ['igarka', 'tomsk'], // document 0
      [], // document 1
      ['tomsk'], // document 2
      ['altai'], // document 3
    ]);
    expect(column.count([0, 1, 2])).toEqual([
      { value: 'igarka', count: 1 },
      { value: 'tomsk', count: 2 },
    ]);
    expect(column.count([1])).toEqual([]);
    expect(column.count([3, 3])).toEqual([{ value: 'altai', count: 2 }]);
  });
});
