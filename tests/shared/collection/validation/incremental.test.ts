import { describe, expect, it } from 'vitest';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { isRecordFilePath } from '@shared/collection/package-paths';
import { recordSchema, type CollectionRecord } from '@shared/collection/schema';
import { validateCollection } from '@shared/collection/validate';
import { IncrementalRecordValidation } from '@shared/collection/validation/incremental';
import { BUNDLED_COLLECTION, MINIMAL_FIXTURE, readPackageFiles } from '../package-files';

// Mutations poke at arbitrary places of parsed JSON; typing each path would only obscure the table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonTree = any;

const texts = (errors: CollectionError[]): string[] => errors.map(formatCollectionError).sort();

/** As the import store does: each record file is one part, its records through the record schema. */
function incrementalErrors(files: ReadonlyMap<string, string>): CollectionError[] {
  const others = new Map([...files].filter(([path]) => !isRecordFilePath(path)));
  const validation = new IncrementalRecordValidation(others);
  for (const [path, text] of files) {
    if (!isRecordFilePath(path)) continue;
    const records = (JSON.parse(text) as unknown[]).map((r) => recordSchema.parse(r) as CollectionRecord);
    validation.addPart(path, records);
  }
  return validation.finish(others);
}

const wholeErrors = (files: ReadonlyMap<string, string>): CollectionError[] => {
  const result = validateCollection(files);
  return result.ok ? [] : result.errors;
};

function mutated(base: ReadonlyMap<string, string>, file: string, mutate: (json: JsonTree) => void) {
  const files = new Map(base);
  const json = JSON.parse(files.get(file) ?? 'null');
  mutate(json);
  files.set(file, JSON.stringify(json));
  return files;
}

describe('IncrementalRecordValidation gives the whole-package validator’s errors', () => {
  it.each([
    ['the minimal package', MINIMAL_FIXTURE],
    ['the bundled collection', BUNDLED_COLLECTION],
  ])('accepts %s, as validateCollection does', (_name, dir) => {
    const files = readPackageFiles(dir);
    expect(wholeErrors(files)).toEqual([]);
    expect(incrementalErrors(files)).toEqual([]);
  });

  const minimal = readPackageFiles(MINIMAL_FIXTURE);
  it.each<[string, string, (json: JsonTree) => void]>([
    ['a duplicate id across two files', 'records/places.json', (j) => (j[0].id = 'ev-alpha')],
    [
      'a duplicate claim id across two files',
      'records/places.json',
      (j) =>
        (j[0].claims = [{ id: 'alpha-total', value: 1, unit: 'people', counts: 'x', status: 'unverified' }]),
    ],
    [
      'a relation to a record in no file',
      'records/events.json',
      (j) => (j[0].relations[0].target = 'nowhere'),
    ],
    ['a relation to itself', 'records/events.json', (j) => (j[0].relations[0].target = 'ev-alpha')],
    [
      'a summary link to no record',
      'records/places.json',
      (j) => (j[0].summary = 'See [x](record:nowhere).'),
    ],
    [
      'a summary link to a record in another file',
      'records/places.json',
      (j) => (j[0].summary = '[A](record:ev-alpha)'),
    ],
    ['an unreadable date', 'records/events.json', (j) => (j[0].date = '1950-13-45')],
    [
      'a source not in the bibliography',
      'records/events.json',
      (j) => (j[0].claims[0].source = 'nobody1999'),
    ],
    ['an as-cited claim without via', 'records/events.json', (j) => delete j[0].claims[1].via],
    ['a range with min above max', 'records/events.json', (j) => (j[0].claims[2].min = 30)],
    ['sourced coordinates without a source', 'records/places.json', (j) => delete j[0].coordinates.source],
  ])('%s', (_name, file, mutate) => {
    const files = mutated(minimal, file, mutate);
    expect(texts(incrementalErrors(files))).toEqual(texts(wholeErrors(files)));
  });

  it('checks the texts’ links against every part’s ids', () => {
    const files = new Map(minimal);
    const intro = `${files.get('texts/intro.md') ?? ''}\n[x](record:nowhere) [y](claim:alpha-total)\n`;
    files.set('texts/intro.md', intro);
    const errors = texts(incrementalErrors(files));
    expect(errors).toEqual(texts(wholeErrors(files)));
    expect(errors).toEqual([expect.stringContaining('points to no record "nowhere"')]);
  });

  it('checks the manifest', () => {
    const files = new Map(minimal);
    files.set('manifest.json', files.get('manifest.json')?.replace('"id"', '"idd"') ?? '');
    const errors = texts(incrementalErrors(files));
    expect(errors).toEqual(texts(wholeErrors(files)));
    expect(errors.some((e) => e.startsWith('manifest.json'))).toBe(true);
  });

  it('refuses a bibliography that changed after the records were checked against it', () => {
    const others = new Map([...minimal].filter(([path]) => !isRecordFilePath(path)));
    const validation = new IncrementalRecordValidation(others);
    const changed = new Map(others).set('bibliography.json', '[]');
    expect(texts(validation.finish(changed))).toEqual(
      expect.arrayContaining([
        'bibliography.json: changed while the records were being checked',
        'records/: no record files: put the records in records/*.json',
      ]),
    );
  });
});
