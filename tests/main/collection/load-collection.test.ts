import {
  cpSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COLLECTION_INVALID,
  listCollectionDirectories,
  loadCollectionFromDirectory,
  loadCollectionPackage,
  type LoadOptions,
} from '../../../src/main/collection/load-collection';
import { recordSchema } from '@shared/collection/schema';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { MINIMAL_FIXTURE } from '../../shared/collection/package-files';

const tempRoot = mkdtempSync(join(tmpdir(), 'atmintis-collection-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

let counter = 0;
/** Copy the valid minimal package into a fresh temp folder (inside a parent folder) and mutate it. */
function makePackage(mutate: (dir: string) => void): string {
  const parent = join(tempRoot, `case-${counter++}`);
  const dir = join(parent, 'pkg');
  mkdirSync(parent);
  cpSync(MINIMAL_FIXTURE, dir, { recursive: true });
  mutate(dir);
  return dir;
}

// Mutations poke at arbitrary places of parsed JSON; typing each path would only obscure the table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonTree = any;

const editJson = (dir: string, file: string, edit: (json: JsonTree) => void): void => {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
};

async function loadErrors(dir: string, options?: LoadOptions): Promise<string[]> {
  const result = await loadCollectionFromDirectory(dir, options);
  if (result.ok) return [];
  expect(result.error.code).toBe(COLLECTION_INVALID);
  expect(result.error.message).toContain('Collection "pkg" is invalid');
  return (result.error.details as CollectionError[]).map(formatCollectionError);
}

describe('loadCollectionFromDirectory', () => {
  it('loads the valid minimal package', async () => {
    const result = await loadCollectionFromDirectory(MINIMAL_FIXTURE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.manifest.id).toBe('test-minimal');
    expect(result.value.records.map((r) => r.id)).toEqual(['ev-alpha', 'place-north']);
    expect(result.value.bibliography.map((b) => b.id)).toEqual(['smith2000', 'doe2020']);
    expect(result.value.texts.map((t) => t.id)).toEqual(['intro']);
    expect(result.value.integrity).toEqual({ findings: [] });
  });

  // One mutation of the valid package per row → the exact, formatted errors it must produce.
  it.each<[string, (dir: string) => void, string[]]>([
    [
      'missing field',
      (d) => editJson(d, 'records/events.json', (j) => delete j[0].summary),
      ['records/events.json › record "ev-alpha" › summary: required field is missing (expected string)'],
    ],
    [
      'wrong type',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].claims[0].value = '100')),
      ['records/events.json › record "ev-alpha" › claims[0].value: expected number, received string'],
    ],
    [
      'duplicate id across files',
      (d) =>
        editJson(d, 'records/events.json', (j) =>
          j.push({ id: 'place-north', kind: 'event', title: 'Dup', labels: {}, summary: 'Duplicate.' }),
        ),
      [
        'records/events.json › record "place-north" › id: duplicate id "place-north": also used in records/places.json (item 1)',
        'records/places.json › record "place-north" › id: duplicate id "place-north": also used in records/events.json (item 2)',
      ],
    ],
    [
      'dangling relation',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].relations[0].target = 'place-nowhere')),
      ['records/events.json › record "ev-alpha" › relations[0].target: no record "place-nowhere"'],
    ],
    [
      'claim citing a missing bibliography entry',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].claims[0].source = 'xyz')),
      ['records/events.json › record "ev-alpha" › claims[0].source: no bibliography entry "xyz"'],
    ],
    [
      '"via" pointing to a missing entry',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].claims[1].via = 'nobody2001')),
      ['records/events.json › record "ev-alpha" › claims[1].via: no bibliography entry "nobody2001"'],
    ],
    [
      'bad EDTF',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].date = '1950-13-01')),
      [
        'records/events.json › record "ev-alpha" › date: invalid EDTF date: "1950-13-01": month 13 is out of range 01–12',
      ],
    ],
    [
      'bad EDTF in a claim date',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].claims[0].date = '1950/1940')),
      [
        'records/events.json › record "ev-alpha" › claims[0].date: invalid EDTF date: "1950/1940": the start of an interval must be earlier than its end',
      ],
    ],
    [
      'range min > max',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].claims[2].min = 30)),
      ['records/events.json › record "ev-alpha" › claims[2].min: range min 30 is greater than max 20'],
    ],
    [
      'percentage over 100',
      (d) => editJson(d, 'records/events.json', (j) => (j[0].claims[1].value = 140)),
      ['records/events.json › record "ev-alpha" › claims[1].value: percentage 140 is outside 0–100'],
    ],
    [
      'coordinates out of range',
      (d) => editJson(d, 'records/places.json', (j) => (j[0].coordinates.lat = 95)),
      ['records/places.json › record "place-north" › coordinates.lat: latitude must be between -90 and 90'],
    ],
    [
      'text link to a missing record',
      (d) => writeFileSync(join(d, 'texts/intro.md'), 'Fine line.\nSee [Gamma](record:ev-gamma).\n'),
      ['texts/intro.md › line 2: link "[Gamma](record:ev-gamma)" points to no record "ev-gamma"'],
    ],
    [
      'text link to a missing claim',
      (d) => writeFileSync(join(d, 'texts/intro.md'), 'See [x](claim:alpha-nothing).\n'),
      ['texts/intro.md › line 1: link "[x](claim:alpha-nothing)" points to no claim "alpha-nothing"'],
    ],
    [
      'missing text file',
      (d) => unlinkSync(join(d, 'texts/intro.md')),
      ['manifest.json › texts[0].file: no such file "texts/intro.md" in the collection'],
    ],
    [
      'text path escaping the folder',
      (d) => {
        writeFileSync(join(d, '..', 'outside.md'), 'secret');
        unlinkSync(join(d, 'texts/intro.md'));
        editJson(d, 'manifest.json', (j) => (j.texts[0].file = '../outside.md'));
      },
      [
        'manifest.json › texts[0].file: path "../outside.md" escapes the collection folder (absolute, or contains "." or "..")',
      ],
    ],
    [
      'symbolic link pointing outside the folder',
      (d) => {
        writeFileSync(join(d, '..', 'outside.json'), '[]');
        symlinkSync(join(d, '..', 'outside.json'), join(d, 'records', 'evil.json'));
      },
      [
        'records/evil.json: symbolic links are not allowed in a collection (they can point outside the folder)',
      ],
    ],
    [
      'oversized file',
      (d) => {
        writeFileSync(join(d, 'records/huge.json'), '');
        truncateSync(join(d, 'records/huge.json'), 6 * 1024 * 1024);
      },
      ['records/huge.json: file is too large (6.0 MiB; the limit is 5.0 MiB)'],
    ],
    [
      'missing manifest',
      (d) => unlinkSync(join(d, 'manifest.json')),
      ['manifest.json: missing file: every collection needs a manifest.json'],
    ],
  ])('%s', async (_name, mutate, expected) => {
    expect(await loadErrors(makePackage(mutate))).toEqual(expected);
  });

  it('reports every error, not only the first', async () => {
    const dir = makePackage((d) =>
      editJson(d, 'records/events.json', (j) => {
        j[0].date = 'soon';
        j[0].relations[0].target = 'nowhere';
        j[0].claims[0].source = 'nobody';
      }),
    );
    expect(await loadErrors(dir)).toHaveLength(3);
  });

  it('reports JSON syntax errors with file, line and column, without cascading', async () => {
    const dir = makePackage((d) =>
      writeFileSync(join(d, 'records/places.json'), '[\n  { "id": "place-north",\n    "kind" "place" }\n]'),
    );
    const errors = await loadErrors(dir);
    // The reason text comes from the JavaScript engine and varies between Node versions.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^records\/places\.json: invalid JSON at line 3, column 12: \S/);
  });

  it('honours a custom file-size limit', async () => {
    const errors = await loadErrors(
      makePackage(() => undefined),
      { maxFileBytes: 100 },
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^records\/events\.json: file is too large \(\d+\.\d KiB; the limit is 100 bytes\)$/,
      ),
    );
  });

  it('fails cleanly for a folder that does not exist', async () => {
    const result = await loadCollectionFromDirectory(join(tempRoot, 'nope'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(COLLECTION_INVALID);
    expect(result.error.message).toContain('"nope"');
  });
});

describe('loadCollectionPackage revision', () => {
  async function revisionOf(dir: string): Promise<string> {
    const result = await loadCollectionPackage(dir);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.revision;
  }

  it('is a short hex hash, the same for the same bytes wherever they are', async () => {
    const revision = await revisionOf(MINIMAL_FIXTURE);
    expect(revision).toMatch(/^[0-9a-f]{16}$/);
    expect(await revisionOf(MINIMAL_FIXTURE)).toBe(revision);
    expect(await revisionOf(makePackage(() => undefined))).toBe(revision);
  });

  it('changes with any change to the files the loader reads, and only with those', async () => {
    const original = await revisionOf(MINIMAL_FIXTURE);
    const retitled = makePackage((dir) =>
      editJson(dir, 'records/events.json', (records) => {
        records[0].title = `${records[0].title} (revised)`;
      }),
    );
    expect(await revisionOf(retitled)).not.toBe(original);
    const oneByte = makePackage((dir) => {
      const path = join(dir, 'texts', 'intro.md');
      writeFileSync(path, `${readFileSync(path, 'utf8')} `);
    });
    expect(await revisionOf(oneByte)).not.toBe(original);
    const ignored = makePackage((dir) => writeFileSync(join(dir, 'notes.txt'), 'not read by the loader'));
    expect(await revisionOf(ignored)).toBe(original);
  });

  it('tells apart a file renamed, even when its bytes are unchanged', async () => {
    const original = await revisionOf(MINIMAL_FIXTURE);
    const moved = makePackage((dir) => {
      cpSync(join(dir, 'records', 'places.json'), join(dir, 'records', 'zz-places.json'));
      unlinkSync(join(dir, 'records', 'places.json'));
    });
    expect(await revisionOf(moved)).not.toBe(original);
  });

  it('is what loadCollectionFromDirectory loads, with the same collection', async () => {
    const plain = await loadCollectionFromDirectory(MINIMAL_FIXTURE);
    const withRevision = await loadCollectionPackage(MINIMAL_FIXTURE);
    expect(withRevision.ok && plain.ok && withRevision.value.collection).toEqual(plain.ok && plain.value);
  });
});

describe('listCollectionDirectories', () => {
  it('lists sub-folders holding a manifest.json, sorted', async () => {
    const root = join(tempRoot, 'root');
    mkdirSync(join(root, 'b-collection'), { recursive: true });
    mkdirSync(join(root, 'a-collection'));
    mkdirSync(join(root, 'not-a-collection'));
    writeFileSync(join(root, 'b-collection', 'manifest.json'), '{}');
    writeFileSync(join(root, 'a-collection', 'manifest.json'), '{}');
    writeFileSync(join(root, 'stray.json'), '{}');
    expect(await listCollectionDirectories(root)).toEqual([
      join(root, 'a-collection'),
      join(root, 'b-collection'),
    ]);
  });

  it('returns [] for a missing root', async () => {
    expect(await listCollectionDirectories(join(tempRoot, 'missing-root'))).toEqual([]);
  });
});

describe('loadCollectionPackage with schemaChecked record files', () => {
  const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
  const errorsOf = async (dir: string, options: LoadOptions): Promise<string[]> => {
    const result = await loadCollectionPackage(dir, options);
    return result.ok ? [] : (result.error.details as CollectionError[]).map(formatCollectionError);
  };

  it('still schema-parses a listed record file whose bytes differ from the digest it was vouched for with', async () => {
    const dir = makePackage(() => undefined);
    const vouched = new Map([['records/places.json', sha256(join(dir, 'records/places.json'))]]);
    // Altered after it was vouched for: a record loses its title.
    editJson(dir, 'records/places.json', (json) => {
      delete json[0].title;
    });
    expect(await errorsOf(dir, { schemaChecked: vouched })).toEqual([
      expect.stringMatching(
        /^records\/places\.json › record "place-north" › title: required field is missing/,
      ),
    ]);
  });

  it('skips only the schema parse of an unchanged vouched file: ids and references are still checked', async () => {
    // Written as the import store's append writes a part: each record as the record schema outputs it.
    const dir = makePackage((d) =>
      editJson(d, 'records/places.json', (json) => {
        json.push({ ...json[0] });
        json[0].relations = [{ type: 'related-to', target: 'no-such-record' }];
        json.splice(0, json.length, ...json.map((r: unknown) => recordSchema.parse(r)));
      }),
    );
    const vouched = new Map([['records/places.json', sha256(join(dir, 'records/places.json'))]]);
    const errors = await errorsOf(dir, { schemaChecked: vouched });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /records\/places\.json › record "place-north" › id: duplicate id "place-north"/,
        ),
        expect.stringMatching(/relations\[0\]\.target: no record "no-such-record"/),
      ]),
    );
  });
});
