import { describe, expect, it } from 'vitest';
import { MAX_RECORDS_PER_BATCH } from '@shared/ipc/channels/imports';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordSchema } from '@shared/collection/schema';
import { inspectImport, runImport } from '@shared/import/pipeline';
import {
  decodeRecordPart,
  encodeRecordPartBytes,
  encodeRecordParts,
  wireRecord,
  withSharedProvenance,
} from '@shared/import/record-parts';

const record = (n: number, title = `Person ${n}`) => ({ id: `p-${n}`, kind: 'person', title });

describe('record parts', () => {
  it('keeps every record, in order and verbatim, within the record cap', () => {
    const records = Array.from({ length: MAX_RECORDS_PER_BATCH * 2 + 7 }, (_, i) =>
      record(i, i === 3 ? 'Зыгмунта "Ona" Kazlauskienė \\ 🙂\u2028' : `Person ${i}`),
    );
    const parts = encodeRecordParts(records);
    expect(parts.map((p) => p.count)).toEqual([MAX_RECORDS_PER_BATCH, MAX_RECORDS_PER_BATCH, 7]);
    const decoded = parts.flatMap((p) => {
      const part = decodeRecordPart(p.json);
      if (!part.ok) throw new Error(part.reason);
      expect(part.records).toHaveLength(p.count);
      return part.records;
    });
    expect(decoded).toEqual(records);
  });

  it('splits a batch whose JSON is longer than the character cap, in order', () => {
    const records = Array.from({ length: 10 }, (_, i) => record(i, 'x'.repeat(100)));
    const parts = encodeRecordParts(records, 500);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.json.length).toBeLessThanOrEqual(500);
    expect(parts.flatMap((p) => JSON.parse(p.json) as unknown[])).toEqual(records);
    // One record longer than the cap is still sent (alone): the main process judges it.
    expect(encodeRecordParts([record(1, 'y'.repeat(1000))], 500)).toHaveLength(1);
    expect(encodeRecordParts([])).toEqual([]);
  });

  it('refuses text that is not a list of 1 to MAX_RECORDS_PER_BATCH records, saying why', () => {
    expect(decodeRecordPart('[{"id": ')).toMatchObject({ ok: false, reason: /not valid JSON/ });
    expect(decodeRecordPart('{"id":"p-1"}')).toEqual({
      ok: false,
      reason: 'the records are not a JSON array',
    });
    expect(decodeRecordPart('[]')).toMatchObject({ ok: false, reason: /not 0$/ });
    const tooMany = JSON.stringify(Array.from({ length: MAX_RECORDS_PER_BATCH + 1 }, (_, i) => record(i)));
    expect(decodeRecordPart(tooMany)).toMatchObject({ ok: false, reason: /not 5001$/ });
    expect(decodeRecordPart(`[${'['.repeat(80)}${']'.repeat(80)}]`)).toMatchObject({
      ok: false,
      reason: /nested more than 64 levels deep/,
    });
  });

  it('as UTF-8 bytes: the same parts, every character kept, and bytes that are not UTF-8 refused', () => {
    const records = [record(1, 'Зыгмунта "Ona" Kazlauskienė \\ 🙂\u2028'), record(2, '\ud800 lone')];
    const parts = encodeRecordPartBytes(records);
    expect(parts).toHaveLength(1);
    const [{ json, count }] = parts as [{ json: Uint8Array; count: number }];
    expect(json).toBeInstanceOf(Uint8Array);
    expect(count).toBe(2);
    expect(decodeRecordPart(json)).toEqual({ ok: true, records });
    expect(decodeRecordPart(new Uint8Array([0x5b, 0xff, 0x5d]))).toEqual({
      ok: false,
      reason: 'the records are not valid UTF-8',
    });
    // A transport that parsed the bytes already hands over the array: only the count is left to check.
    expect(decodeRecordPart(records)).toEqual({ ok: true, records });
    expect(decodeRecordPart([])).toMatchObject({ ok: false, reason: expect.stringMatching(/not 0/) });
  });

  it('leaves off only what the record schema restores: each fixture registry is stored the same, byte for byte', () => {
    for (const name of ['memorial-style-ru.csv', 'lithuanian-style-lt.csv', 'polish-headers-pl.tsv']) {
      const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/registries', name));
      const inspection = inspectImport(name, new Uint8Array(bytes), {});
      if (!inspection.ok || inspection.format !== 'delimited') throw new Error(`${name}: not read`);
      const records: unknown[] = [];
      const result = runImport(inspection, inspection.suggested as never, {
        collection: 'fixture',
        importedAt: '2026-01-01T00:00:00.000Z',
        onBatch: (batch) => records.push(...batch),
      });
      expect(result.errors).toEqual([]);
      expect(records.length).toBeGreaterThan(0);
      const sent = encodeRecordParts(records).flatMap((part) => {
        const decoded = decodeRecordPart(part.json);
        if (!decoded.ok) throw new Error(decoded.reason);
        return decoded.records;
      });
      const stored = (list: unknown[]) => list.map((r) => JSON.stringify(recordSchema.parse(r)));
      expect(stored(sent)).toEqual(stored(records));
    }
    // The wire form is smaller only by empty lists and a person's empty summary.
    expect(
      wireRecord({
        id: 'p-1',
        kind: 'person',
        title: 'T',
        summary: '',
        altNames: [],
        claims: [1],
        labels: {},
      }),
    ).toEqual({ id: 'p-1', kind: 'person', title: 'T', claims: [1], labels: {} });
    expect(wireRecord({ id: 'e-1', kind: 'event', title: 'T', summary: '', relations: [] })).toEqual({
      id: 'e-1',
      kind: 'event',
      title: 'T',
      summary: '',
    });
  });

  it('sends the provenance every record shares once: each fixture registry is stored the same, byte for byte', () => {
    const shared = { collection: 'fixture', file: '', importedAt: '2026-01-01T00:00:00.000Z' };
    for (const name of ['memorial-style-ru.csv', 'lithuanian-style-lt.csv', 'polish-headers-pl.tsv']) {
      const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/registries', name));
      const inspection = inspectImport(name, new Uint8Array(bytes), {});
      if (!inspection.ok || inspection.format !== 'delimited') throw new Error(`${name}: not read`);
      const records: unknown[] = [];
      runImport(inspection, inspection.suggested as never, {
        collection: shared.collection,
        importedAt: shared.importedAt,
        onBatch: (batch) => records.push(...batch),
      });
      const forFile = { ...shared, file: name };
      const [slim] = encodeRecordParts(records, undefined, forFile) as [{ json: string; count: number }];
      const [whole] = encodeRecordParts(records) as [{ json: string; count: number }];
      expect(slim.json.length).toBeLessThan(whole.json.length * 0.9);
      expect(slim.json).not.toContain(shared.importedAt);
      const decoded = decodeRecordPart(slim.json);
      if (!decoded.ok) throw new Error(decoded.reason);
      const stored = (list: unknown[]) => list.map((r) => JSON.stringify(recordSchema.parse(r)));
      expect(stored(withSharedProvenance(decoded.records, forFile))).toEqual(stored(records));
      // Without the import's provenance the slim records are incomplete, and the schema says so.
      expect(recordSchema.safeParse(decoded.records[0]).success).toBe(false);
    }
  });

  it('leaves whole any provenance that differs from the shared one, and never overwrites what a record says', () => {
    const shared = { collection: 'c', file: 'f.csv', importedAt: 't' };
    const own = { collection: 'c', file: 'other.csv', row: 2, importedAt: 't' };
    expect(wireRecord({ id: 'p-1', kind: 'person', provenance: own }, shared)).toEqual({
      id: 'p-1',
      kind: 'person',
      provenance: own,
    });
    expect(wireRecord({ id: 'p-1', kind: 'person', provenance: { ...own, file: 'f.csv' } }, shared)).toEqual({
      id: 'p-1',
      kind: 'person',
      provenance: { row: 2 },
    });
    const partial = { id: 'p-2', provenance: { row: 3, file: 'mine.csv' } };
    const none = { id: 'p-3' };
    expect(withSharedProvenance([partial, none, 'x'], shared)).toEqual([partial, none, 'x']);
    expect(withSharedProvenance([{ id: 'p-4', provenance: { row: 4 } }], shared)).toEqual([
      { id: 'p-4', provenance: { row: 4, ...shared } },
    ]);
  });
});
