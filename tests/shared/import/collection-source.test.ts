import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  parseCollectionJson,
  parseCollectionJsonl,
  parseCollectionZip,
} from '@shared/import/collection-source';

const manifest = {
  formatVersion: 1,
  id: 'test-registry',
  title: 'Test registry',
  version: '1.0.0',
  description: 'Invented people for tests.',
  languages: ['lt'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  synthetic: true,
};
const person = (id: string, title = 'Ona Testaitė') => ({
  id,
  kind: 'person',
  title,
  labels: {},
  summary: 'Synthetic test record.',
});

const packageFiles = (records: unknown[]) => ({
  'manifest.json': strToU8(JSON.stringify(manifest)),
  'records/persons.json': strToU8(JSON.stringify(records)),
  'bibliography.json': strToU8('[]'),
});

describe('JSON', () => {
  it('reads a manifest, records and bibliography', () => {
    const source = parseCollectionJson(
      JSON.stringify({ manifest, records: [person('p-1'), person('p-2')], bibliography: [] }),
      'c.json',
    );
    expect(source.errors).toEqual([]);
    expect(source.manifest?.id).toBe('test-registry');
    expect(source.records.map((r) => r.id)).toEqual(['p-1', 'p-2']);
    expect(source.files).toEqual([{ path: 'bibliography.json', text: '[]' }]);
  });

  it('names the record and field of a bad record, and duplicate ids', () => {
    const source = parseCollectionJson(
      JSON.stringify({ records: [person('p-1'), { ...person('p-2'), title: '' }, person('p-1')] }),
      'c.json',
    );
    expect(source.errors).toEqual([
      {
        file: 'c.json',
        row: 2,
        column: 'title',
        code: 'invalid-record',
        params: { message: 'must not be empty (record "p-2")' },
        reason: 'must not be empty (record "p-2")',
      },
      {
        file: 'c.json',
        row: 3,
        column: 'id',
        code: 'duplicate-id',
        params: { id: 'p-1', earlier: 1 },
        reason: 'duplicate record id "p-1" (same as row 1)',
      },
    ]);
  });

  it('says what is wrong with a file that is not JSON', () => {
    expect(parseCollectionJson('{"records": [', 'c.json').errors[0]?.reason).toMatch(/^not valid JSON: /);
  });
});

describe('JSON Lines', () => {
  it('reads an optional manifest line and one record per line, naming bad lines', () => {
    const text = [
      JSON.stringify({ manifest }),
      JSON.stringify(person('p-1')),
      '{oops',
      JSON.stringify({ id: 'p-3' }),
    ].join('\n');
    const source = parseCollectionJsonl(text, 'c.jsonl');
    expect(source.manifest?.title).toBe('Test registry');
    expect(source.errors[0]).toMatchObject({
      file: 'c.jsonl',
      row: 3,
      reason: expect.stringMatching(/^not valid JSON/),
    });
    expect(source.errors[1]).toMatchObject({ file: 'c.jsonl', row: 4 });
  });
});

describe('zip packages', () => {
  it('reads a package, also inside one top folder', () => {
    const flat = parseCollectionZip(zipSync(packageFiles([person('p-1')])), 'c.zip');
    expect(flat.errors).toEqual([]);
    expect(flat.records).toEqual([expect.objectContaining({ id: 'p-1' })]);
    expect(flat.records[0]).not.toHaveProperty('earliest');
    const nested = parseCollectionZip(zipSync({ 'my-collection': packageFiles([person('p-9')]) }), 'c.zip');
    expect(nested.errors).toEqual([]);
    expect(nested.manifest?.id).toBe('test-registry');
  });

  it('reports validation errors with the path inside the package', () => {
    const source = parseCollectionZip(zipSync(packageFiles([person('p-1'), person('p-1')])), 'c.zip');
    expect(source.records).toEqual([]);
    expect(source.errors.length).toBeGreaterThan(0);
    expect(source.errors[0]?.file).toMatch(/^c\.zip: records\/persons\.json/);
  });

  it('refuses a zip bomb from its declared sizes, before inflating it', () => {
    const bomb = zipSync({
      ...packageFiles([person('p-1')]),
      'records/zeros.json': new Uint8Array(8 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const source = parseCollectionZip(bomb, 'bomb.zip', {
      maxZipEntries: 100,
      maxZipUncompressedBytes: 1024 * 1024,
    });
    expect(source.errors).toEqual([
      {
        file: 'bomb.zip',
        code: 'zip-too-large',
        params: { size: '8.0 MiB', max: '1.0 MiB' },
        reason: expect.stringMatching(/^unpacks to 8\.0 MiB; at most 1\.0 MiB is accepted \(zip bomb\?\)$/),
      },
    ]);
  });

  it('refuses too many entries', () => {
    const many: Record<string, Uint8Array> = packageFiles([person('p-1')]);
    for (let i = 0; i < 50; i++) many[`texts/t${i}.md`] = strToU8('x');
    const source = parseCollectionZip(zipSync(many), 'many.zip', {
      maxZipEntries: 20,
      maxZipUncompressedBytes: 1 << 20,
    });
    expect(source.errors).toEqual([
      {
        file: 'many.zip',
        code: 'zip-too-large',
        params: { entries: 53, max: 20 },
        reason: '53 entries; at most 20 are accepted',
      },
    ]);
  });

  it('refuses paths that climb out of the package or are absolute', () => {
    for (const evil of ['../evil.json', '/etc/evil.json', 'records/../../evil.json']) {
      const source = parseCollectionZip(
        zipSync({ ...packageFiles([person('p-1')]), [evil]: strToU8('[]') }),
        'evil.zip',
      );
      expect(source.records).toEqual([]);
      expect(source.errors).toEqual([
        {
          file: `evil.zip: ${evil}`,
          code: 'zip-path',
          reason: 'path escapes the package (absolute, or contains "..")',
        },
      ]);
    }
  });

  it('says so when the bytes are not a zip', () => {
    expect(parseCollectionZip(strToU8('not a zip at all'), 'x.zip').errors[0]?.reason).toMatch(
      /^not a readable zip file/,
    );
  });
});
