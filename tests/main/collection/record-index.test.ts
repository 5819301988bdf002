import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { LoadedRecord } from '@shared/collection/model';
import { openRecordIndex } from '../../../src/main/collection/record-index';
import { loadCollectionFromDirectory } from '../../../src/main/collection/load-collection';
import { BUNDLED_COLLECTION } from '../../shared/collection/package-files';

const tempRoot = mkdtempSync(join(tmpdir(), 'atmintis-record-index-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

async function bundledRecords(): Promise<LoadedRecord[]> {
  const loaded = await loadCollectionFromDirectory(BUNDLED_COLLECTION);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.records;
}

describe('record-offset index', () => {
  it('reads every record back exactly as loaded, one by one and by range', async () => {
    const records = await bundledRecords();
    const index = await openRecordIndex(join(tempRoot, 'a'), 'bundled', 'rev1', async () => records);
    expect(index.count).toBe(records.length);
    const positions = records.map((_, i) => i).reverse();
    expect(await index.readAt(positions)).toEqual([...records].reverse());
    expect(await index.readRange(3, 9)).toEqual(records.slice(3, 9));
    const last = records[records.length - 1] as LoadedRecord;
    expect(index.position(last.id)).toBe(records.length - 1);
    expect(index.idAt(0)).toBe(records[0]?.id);
    expect(index.position('no-such-record')).toBeUndefined();
  });

  it('keeps every byte of lines with multi-byte letters, and of a line longer than a write buffer', async () => {
    const [first, ...rest] = await bundledRecords();
    // Invented text, not history: Lithuanian and Cyrillic letters, an emoji, and a 3 MB summary.
    const records = [
      {
        ...(first as LoadedRecord),
        id: 'long-one',
        summary: `Žemaitė ąčęėįšųūž Зыгмунта 🙂 ${'ą'.repeat(1_500_000)}`,
      },
      ...rest.slice(0, 20),
      { ...(first as LoadedRecord), id: 'after-long', title: 'Ūla Šaltenytė 🙂' },
    ];
    const index = await openRecordIndex(join(tempRoot, 'wide'), 'bundled', 'rev1', async () => records);
    expect(await index.readRange(0, records.length)).toEqual(records);
    expect(await index.readAt([records.length - 1, 0])).toEqual([records[records.length - 1], records[0]]);
  });

  it('opens the saved index of the same revision without building it again', async () => {
    const records = await bundledRecords();
    const dir = join(tempRoot, 'b');
    await openRecordIndex(dir, 'bundled', 'rev1', async () => records);
    const build = vi.fn(async () => records);
    const reopened = await openRecordIndex(dir, 'bundled', 'rev1', build);
    expect(build).not.toHaveBeenCalled();
    expect(await reopened.readAt([5])).toEqual([records[5]]);
  });

  it('rebuilds an index whose records file was cut short or whose index is unreadable', async () => {
    const records = await bundledRecords();
    const dir = join(tempRoot, 'c');
    await openRecordIndex(dir, 'bundled', 'rev1', async () => records);
    truncateSync(join(dir, 'bundled', 'rev1.records.jsonl'), 100);
    const build = vi.fn(async () => records);
    const rebuilt = await openRecordIndex(dir, 'bundled', 'rev1', build);
    expect(build).toHaveBeenCalledTimes(1);
    expect(await rebuilt.readAt([records.length - 1])).toEqual([records[records.length - 1]]);

    writeFileSync(join(dir, 'bundled', 'rev1.index.json'), '{"format":1,');
    const again = vi.fn(async () => records);
    await openRecordIndex(dir, 'bundled', 'rev1', again);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('replaces the files of an older revision instead of keeping both', async () => {
    const records = await bundledRecords();
    const dir = join(tempRoot, 'd');
    await openRecordIndex(dir, 'bundled', 'old', async () => records);
    const newer = await openRecordIndex(dir, 'bundled', 'new', async () => records.slice(0, 10));
    expect(newer.count).toBe(10);
    expect(readdirSync(join(dir, 'bundled')).sort()).toEqual(['new.index.json', 'new.records.jsonl']);
  });

  it('says the index is out of date rather than parse half a record when the file shrank under it', async () => {
    const records = await bundledRecords();
    const dir = join(tempRoot, 'e');
    const index = await openRecordIndex(dir, 'bundled', 'rev1', async () => records);
    truncateSync(join(dir, 'bundled', 'rev1.records.jsonl'), 10);
    await expect(index.readAt([records.length - 1])).rejects.toThrow(/shorter than its index says/);
  });
});
