import type { LoadedRecord } from '@shared/collection/model';

/** Minimal records for testing browse logic (fictional test data, not history). */
export function record(partial: Partial<LoadedRecord> & Pick<LoadedRecord, 'id' | 'kind'>): LoadedRecord {
  return {
    title: partial.id,
    labels: {},
    altNames: [],
    altDates: [],
    summary: 'Test record.',
    relations: [],
    claims: [],
    citations: [],
    earliest: null,
    latest: null,
    ...partial,
  } as LoadedRecord;
}
