/**
 * The packed wire form: what the main process rebuilds is exactly what JSON would have carried (same
 * values, same key order, so the stored part files are byte for byte the same), on the fixture
 * registries and on odd values; anything JSON would change is not packed; a malformed packed part is
 * refused with a reason, never half-read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordSchema } from '@shared/collection/schema';
import { MAX_RECORDS_PER_BATCH } from '@shared/ipc/channels/imports';
import { inspectImport, runImport } from '@shared/import/pipeline';
import { PACKED_RECORDS_FORMAT, packRecords, unpackRecords } from '@shared/import/record-pack';
import {
  decodeRecordPart,
  encodeRecordPartBytes,
  encodeRecordParts,
  wireRecord,
  withSharedProvenance,
} from '@shared/import/record-parts';

const REGISTRIES = ['memorial-style-ru.csv', 'lithuanian-style-lt.csv', 'polish-headers-pl.tsv'];
const IMPORTED_AT = '2026-01-01T00:00:00.000Z';

function pipelineRecords(name: string): unknown[] {
  const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/registries', name));
  const inspection = inspectImport(name, new Uint8Array(bytes), {});
  if (!inspection.ok || inspection.format !== 'delimited') throw new Error(`${name}: not read`);
  const records: unknown[] = [];
  const result = runImport(inspection, inspection.suggested as never, {
    collection: 'fixture',
    importedAt: IMPORTED_AT,
    onBatch: (batch) => records.push(...batch),
  });
  expect(result.errors).toEqual([]);
  expect(records.length).toBeGreaterThan(0);
  return records;
}

/** Through the packed form and back, as the worker sends it and the main process reads it. */
function roundTrip(records: readonly unknown[]): unknown[] {
  const packed = packRecords(records);
  if (!packed) throw new Error('not packed');
  const unpacked = unpackRecords(JSON.parse(JSON.stringify(packed)));
  if (!unpacked.ok) throw new Error(unpacked.reason);
  return unpacked.records;
}

/** What JSON gives: the reference every packed part must match, key order included. */
const viaJson = (records: readonly unknown[]) => JSON.parse(JSON.stringify(records)) as unknown[];

describe('packed record parts', () => {
  it('rebuild the fixture registries exactly: every cell, other field, header and provenance, stored byte for byte', () => {
    for (const name of REGISTRIES) {
      const records = pipelineRecords(name);
      const shared = { collection: 'fixture', file: name, importedAt: IMPORTED_AT };
      const parts = encodeRecordPartBytes(records, undefined, shared);
      const received = parts.flatMap(({ json, count }) => {
        expect(JSON.parse(new TextDecoder().decode(json))).toMatchObject({ format: PACKED_RECORDS_FORMAT });
        const decoded = decodeRecordPart(json);
        if (!decoded.ok) throw new Error(decoded.reason);
        expect(decoded.records).toHaveLength(count);
        return decoded.records;
      });
      // Exactly what the JSON wire form carried, key order included …
      const wire = records.map((record) => wireRecord(record, shared));
      expect(JSON.stringify(received)).toBe(JSON.stringify(wire));
      expect(received).toEqual(viaJson(wire));
      // … so the main process stores the same bytes the command line stores.
      const stored = (list: unknown[]) => list.map((r) => JSON.stringify(recordSchema.parse(r)));
      expect(stored(withSharedProvenance(received, shared))).toEqual(stored(records));
      // And it is smaller than that JSON.
      const plain = encodeRecordParts(records, undefined, shared).reduce((n, p) => n + p.json.length, 0);
      const packedChars = parts.reduce((n, p) => n + new TextDecoder().decode(p.json).length, 0);
      expect(packedChars).toBeLessThan(plain);
    }
  });

  it('keeps odd values as JSON would: empty strings, unicode, lone surrogates, long cells, missing fields, numbers', () => {
    const long = 'Ž'.repeat(20_000);
    const records: unknown[] = [
      { id: 'p-1', kind: 'person', title: '', person: { surname: '', givenName: ' ' } },
      {
        id: 'p-2',
        kind: 'person',
        title: 'Зыгмунта "Ona"\u2028\t\u0000Kazlauskienė \\ 🙂 e\u0301',
        otherFields: [
          { header: 'Pastabos', value: '\ud800 lone surrogate, kept' },
          { header: '', value: long },
          { header: 'Pastabos', value: long },
        ],
      },
      // Missing fields stay missing; keys whose value JSON cannot hold are left out, as JSON does.
      { id: 'p-3', kind: 'person', title: 'T', person: { birthDate: undefined, sex: { text: 'V' } } },
      { id: 'p-4', numbers: [0, -0, 1, -1, 1.5, 2 ** 47, 2 ** 53, -(2 ** 60), 1e-7, NaN, Infinity] },
      { id: 'p-5', nested: [[], [[]], [null, true, false, undefined, () => 1]], empty: {} },
      // Keys JSON keeps as own properties, in Object.keys order (integer-like keys first).
      JSON.parse('{"__proto__": {"polluted": true}, "b": 1, "2": "two", "1": "one", "a\\u0000b": 3}'),
      { 'a\u0000': 1, b: 2 },
      { a: 1, '\u0000b': 2 },
      null,
      'a string where a record should be',
    ];
    const received = roundTrip(records);
    expect(JSON.stringify(received)).toBe(JSON.stringify(records));
    expect(received).toEqual(viaJson(records));
    // "__proto__" came back as an own property, not as the object's prototype.
    const odd = received[5] as Record<string, unknown>;
    expect(Object.keys(odd)).toEqual(['1', '2', '__proto__', 'b', 'a\u0000b']);
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Two key lists that would join to the same text are still two shapes.
    expect(Object.keys(received[6] as object)).toEqual(['a\u0000', 'b']);
    expect(Object.keys(received[7] as object)).toEqual(['a', '\u0000b']);
    // One record's cell does not leak into another's: repeated values are shared on the wire only.
    expect((received[1] as { otherFields: { value: string }[] }).otherFields[2]?.value).toHaveLength(20_000);
  });

  it('does not pack what JSON would change (toJSON, class instances, BigInt): that part goes as plain JSON', () => {
    expect(packRecords([{ id: 'p-1', at: new Date(0) }])).toBeUndefined();
    expect(packRecords([{ id: 'p-1', toJSON: () => 'x' }])).toBeUndefined();
    expect(packRecords([{ id: 'p-1', map: new Map() }])).toBeUndefined();
    expect(packRecords([{ id: 'p-1', n: 1n }])).toBeUndefined();
    // A "toJSON" that is not a function is only a key.
    expect(roundTrip([{ toJSON: 'kept' }])).toEqual([{ toJSON: 'kept' }]);
    const records = [{ id: 'p-1', at: new Date(0) }];
    const [part] = encodeRecordPartBytes(records) as [{ json: Uint8Array; count: number }];
    expect(JSON.parse(new TextDecoder().decode(part.json))).toEqual(viaJson(records));
    expect(decodeRecordPart(part.json)).toEqual({ ok: true, records: viaJson(records) });
  });

  it('splits parts by the record and character caps, in order', () => {
    const records = Array.from({ length: MAX_RECORDS_PER_BATCH + 3 }, (_, i) => ({
      id: `p-${i}`,
      t: `${i}`,
    }));
    const parts = encodeRecordPartBytes(records);
    expect(parts.map((p) => p.count)).toEqual([MAX_RECORDS_PER_BATCH, 3]);
    const small = encodeRecordPartBytes(records.slice(0, 40), 400);
    expect(small.length).toBeGreaterThan(2);
    for (const part of small) expect(part.json.byteLength).toBeLessThanOrEqual(400);
    const back = [...parts, ...small].flatMap((p) => {
      const decoded = decodeRecordPart(p.json);
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.records;
    });
    expect(back).toEqual([...records, ...records.slice(0, 40)]);
  });

  it('refuses a malformed packed part with a reason, reading nothing of it', () => {
    const good = packRecords([
      { id: 'p-1', title: 'T' },
      { id: 'p-2', title: 'T' },
    ]);
    if (!good) throw new Error('not packed');
    const bad = (change: Record<string, unknown>) => ({ ...good, ...change });
    const reason = (value: unknown) => {
      const decoded = decodeRecordPart(JSON.stringify(value));
      return decoded.ok ? 'ok' : decoded.reason;
    };
    expect(reason(good)).toBe('ok');
    expect(reason(bad({ strings: [] }))).toMatch(/string 0, which is not there/);
    expect(reason(bad({ shapes: [] }))).toMatch(/shape 0, which is not there/);
    expect(reason(bad({ codes: good.codes.slice(0, -1) }))).toMatch(/end too soon/);
    expect(reason(bad({ codes: [...good.codes, 7] }))).toMatch(/run on after 2 records/);
    expect(reason(bad({ count: 3 }))).toMatch(/end too soon/);
    expect(reason(bad({ count: 0 }))).toMatch(/not 0$/);
    expect(reason(bad({ count: MAX_RECORDS_PER_BATCH + 1 }))).toMatch(/not 5001$/);
    expect(reason(bad({ codes: [-1, ...good.codes.slice(1)] }))).toMatch(/invalid code at 0/);
    expect(reason(bad({ codes: ['1', ...good.codes.slice(1)] }))).toMatch(/invalid code at 0/);
    expect(reason(bad({ strings: [1] }))).toMatch(/string table/);
    expect(reason(bad({ shapes: [[1]] }))).toMatch(/malformed shapes/);
    expect(reason(bad({ numbers: ['1'] }))).toMatch(/number table/);
    expect(reason(bad({ codes: {} }))).toMatch(/no codes/);
    // An array claiming more items than there are codes.
    expect(reason(bad({ count: 1, codes: [1_000_000 * 8 + 2] }))).toMatch(/end too soon/);
    // Nesting deeper than any JSON the app accepts (arrays of one array of one array …).
    const deep = { ...good, count: 1, codes: [...Array.from({ length: 100 }, () => 1 * 8 + 2), 7] };
    expect(reason(deep)).toMatch(/nest more than 64 levels deep/);
    expect(unpackRecords({ format: 'something else' })).toMatchObject({ ok: false });
  });
});
