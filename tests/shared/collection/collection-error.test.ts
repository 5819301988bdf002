import { describe, expect, it } from 'vitest';
import { formatCollectionError, formatPath } from '@shared/collection/collection-error';

describe('formatCollectionError', () => {
  it('formats file, record and field', () => {
    expect(
      formatCollectionError({
        file: 'records/operations.json',
        recordId: 'op-vesna',
        field: 'claims[2].source',
        message: 'no bibliography entry "xyz"',
      }),
    ).toBe('records/operations.json › record "op-vesna" › claims[2].source: no bibliography entry "xyz"');
    expect(formatCollectionError({ file: 'manifest.json', message: 'x' })).toBe('manifest.json: x');
  });
});

describe('formatPath', () => {
  it('joins keys with dots and puts indexes in brackets', () => {
    expect(formatPath(['claims', 2, 'source'])).toBe('claims[2].source');
    expect(formatPath([0, 'id'])).toBe('[0].id');
    expect(formatPath([])).toBe('');
  });
});
