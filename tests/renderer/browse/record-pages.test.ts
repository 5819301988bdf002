import { describe, expect, it } from 'vitest';
import type { LoadedRecord } from '@shared/collection/model';
import { createRecordPages, type PageAnswer } from '../../../src/renderer/src/browse/record-pages';

const rec = (n: number) => ({ id: `r${n}` }) as LoadedRecord;
const answer = (offset: number, count: number, total = 25, revision = 'rev-1'): PageAnswer => ({
  records: Array.from({ length: count }, (_, i) => rec(offset + i)),
  offset,
  total,
  revision,
});

describe('createRecordPages: the pages of one Browse listing', () => {
  it('holds the first page, and leaves the rows of pages not arrived empty', () => {
    const pages = createRecordPages(answer(0, 10), 10);
    const rows = pages.rows();
    expect(rows).toHaveLength(25);
    expect(rows[9]?.id).toBe('r9');
    expect(rows[10]).toBeUndefined();
    expect(pages.rows()).toBe(rows);
  });

  it('asks for each missing page of a range once, and never for one it holds', () => {
    const pages = createRecordPages(answer(0, 10), 10);
    expect(pages.claim(5, 25)).toEqual([1, 2]);
    // Already asked for: a scroll that asks again while the answers travel fetches nothing twice.
    expect(pages.claim(0, 25)).toEqual([]);
    // Past the end: there is no page 3 of 25 rows.
    expect(pages.claim(20, 40)).toEqual([]);
  });

  it('keeps an answer in place, and a new rows array then', () => {
    const pages = createRecordPages(answer(0, 10), 10);
    pages.claim(20, 25);
    const before = pages.rows();
    expect(pages.add(2, answer(20, 5))).toBe(true);
    const after = pages.rows();
    expect(after).not.toBe(before);
    expect(after[24]?.id).toBe('r24');
    expect(after[15]).toBeUndefined();
  });

  it('drops an answer of another listing: the collection changed, or the page is not the one asked for', () => {
    const pages = createRecordPages(answer(0, 10), 10);
    expect(pages.claim(10, 20)).toEqual([1]);
    expect(pages.add(1, answer(10, 10, 25, 'rev-2'))).toBe(false);
    expect(pages.add(1, answer(10, 10, 30))).toBe(false);
    expect(pages.add(1, answer(20, 5))).toBe(false);
    expect(pages.rows()[10]).toBeUndefined();
    // Dropped, so it may be asked for again.
    expect(pages.claim(10, 20)).toEqual([1]);
  });

  it('lets a failed page be asked for again', () => {
    const pages = createRecordPages(answer(0, 10), 10);
    expect(pages.claim(10, 20)).toEqual([1]);
    pages.failed(1);
    expect(pages.claim(10, 20)).toEqual([1]);
  });

  it('lists an empty listing with no rows and asks for nothing', () => {
    const pages = createRecordPages(answer(0, 0, 0), 10);
    expect(pages.rows()).toHaveLength(0);
    expect(pages.claim(0, 10)).toEqual([]);
  });
});
