import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { validateCollection } from '@shared/collection/validate';
import { MINIMAL_FIXTURE, readPackageFiles } from './package-files';

const base = readPackageFiles(MINIMAL_FIXTURE);

// Mutations poke at arbitrary places of parsed JSON; typing each path would only obscure the table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonTree = any;

/** Apply a mutation to one JSON file of the minimal package and validate the result. */
function validateWith(file: string, mutate: (json: JsonTree) => void): CollectionError[] {
  const files = new Map(base);
  const json = JSON.parse(files.get(file) ?? 'null');
  mutate(json);
  files.set(file, JSON.stringify(json, null, 2));
  const result = validateCollection(files);
  return result.ok ? [] : result.errors;
}

const messages = (errors: CollectionError[]): string[] => errors.map(formatCollectionError);

describe('validateCollection on the minimal package', () => {
  it('accepts the valid package and computes date bounds', () => {
    const result = validateCollection(base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const alpha = result.collection.records.find((r) => r.id === 'ev-alpha');
    expect(alpha).toMatchObject({ earliest: '1950-05-01', latest: '1950-05-03' });
    const north = result.collection.records.find((r) => r.id === 'place-north');
    expect(north).toMatchObject({ earliest: null, latest: null });
    expect(result.collection.texts).toEqual([
      { id: 'intro', title: 'Introduction', language: 'en', markdown: base.get('texts/intro.md') },
    ]);
    expect(result.collection.manifest.synthetic).toBe(true);
  });

  it.each<[string, string, (json: JsonTree) => void, string[]]>([
    [
      'unknown field',
      'records/events.json',
      (j) => (j[0].colour = 'red'),
      ['records/events.json › record "ev-alpha" › colour: unknown field (not part of the collection format)'],
    ],
    [
      'unknown kind',
      'records/events.json',
      (j) => (j[0].kind = 'battle'),
      [
        'records/events.json › record "ev-alpha" › kind: unknown kind "battle"; expected one of event, statistic, place, group, organisation, person, source',
      ],
    ],
    [
      'record without id',
      'records/places.json',
      (j) => delete j[0].id,
      [
        'records/places.json › [0].id: required field is missing (expected string)',
        'records/events.json › record "ev-alpha" › relations[0].target: no record "place-north"',
        'records/events.json › record "ev-alpha" › summary: link "[North](record:place-north)" points to no record "place-north"',
      ],
    ],
    [
      'as-cited without via',
      'records/events.json',
      (j) => delete j[0].claims[1].via,
      [
        'records/events.json › record "ev-alpha" › claims[1].via: status "as-cited" needs "via": the bibliography id of the work that cites the source',
      ],
    ],
    [
      'via on a sourced claim',
      'records/events.json',
      (j) => (j[0].claims[0].via = 'doe2020'),
      [
        'records/events.json › record "ev-alpha" › claims[0].via: "via" is only allowed with status "as-cited"',
      ],
    ],
    [
      'sourced claim without source',
      'records/events.json',
      (j) => delete j[0].claims[0].source,
      ['records/events.json › record "ev-alpha" › claims[0].source: status "sourced" needs a source'],
    ],
    [
      'value and range together',
      'records/events.json',
      (j) => (j[0].claims[2].value = 15),
      [
        'records/events.json › record "ev-alpha" › claims[2]: give either "value" or "min" and "max", not both',
      ],
    ],
    [
      'half a range',
      'records/events.json',
      (j) => delete j[0].claims[2].max,
      ['records/events.json › record "ev-alpha" › claims[2]: a range needs both "min" and "max"'],
    ],
    [
      'duplicate claim id',
      'records/events.json',
      (j) => (j[0].claims[2].id = 'alpha-total'),
      [
        'records/events.json › record "ev-alpha" › claims[2].id: duplicate claim id "alpha-total": also used in record "ev-alpha" (records/events.json)',
        'records/events.json › record "ev-alpha" › claims[0].id: duplicate claim id "alpha-total": also used in record "ev-alpha" (records/events.json)',
      ],
    ],
    [
      'negative percentage',
      'records/events.json',
      (j) => (j[0].claims[1].value = -5),
      ['records/events.json › record "ev-alpha" › claims[1].value: percentage -5 is outside 0–100'],
    ],
    [
      'bad longitude',
      'records/places.json',
      (j) => (j[0].coordinates.lon = 190),
      [
        'records/places.json › record "place-north" › coordinates.lon: longitude must be between -180 and 180',
      ],
    ],
    [
      'record relating to itself',
      'records/events.json',
      (j) => (j[0].relations[0].target = 'ev-alpha'),
      ['records/events.json › record "ev-alpha" › relations[0].target: a record cannot relate to itself'],
    ],
    [
      'unknown relation type',
      'records/events.json',
      (j) => (j[0].relations[0].type = 'likes'),
      [
        'records/events.json › record "ev-alpha" › relations[0].type: Invalid option: expected one of "part-of"|"related-to"|"compare"|"preceded-by"|"followed-by"|"ordered-by"|"carried-out-by"|"targeted"|"destination"|"origin"|"located-in"|"about"|"author"|"affiliated-with"|"published-by"|"published-alongside"|"involved"|"signed-by"|"led-by"',
      ],
    ],
    [
      'duplicate bibliography id',
      'bibliography.json',
      (j) => (j[1].id = 'smith2000'),
      [
        'bibliography.json › entry "smith2000" › id: duplicate id "smith2000": used by items 1 and 2',
        'records/events.json › record "ev-alpha" › claims[1].via: no bibliography entry "doe2020"',
      ],
    ],
    [
      'bad CSL type',
      'bibliography.json',
      (j) => (j[0].type = 'tome'),
      [
        'bibliography.json › entry "smith2000" › type: Invalid option: expected one of "article"|"article-journal"|"article-magazine"|"article-newspaper"|"bill"|"book"|"broadcast"|"chapter"|"classic"|"collection"|"dataset"|"document"|"entry"|"entry-dictionary"|"entry-encyclopedia"|"event"|"figure"|"graphic"|"hearing"|"interview"|"legal_case"|"legislation"|"manuscript"|"map"|"motion_picture"|"musical_score"|"pamphlet"|"paper-conference"|"patent"|"performance"|"periodical"|"personal_communication"|"post"|"post-weblog"|"regulation"|"report"|"review"|"review-book"|"software"|"song"|"speech"|"standard"|"thesis"|"treaty"|"webpage"',
      ],
    ],
    [
      'manifest with a bad version',
      'manifest.json',
      (j) => (j.version = 'one'),
      ['manifest.json › version: must be a version like 1.0.0'],
    ],
    [
      'manifest with a duplicate text id',
      'manifest.json',
      (j) => j.texts.push({ ...j.texts[0] }),
      ['manifest.json › texts[1].id: duplicate text id "intro": also texts[0]'],
    ],
    [
      'manifest text outside texts/',
      'manifest.json',
      (j) => (j.texts[0].file = 'records/events.json'),
      [
        'manifest.json › texts[0].file: "records/events.json" must be a .md file under texts/',
        'texts/intro.md: text file is not listed in manifest.json "texts"',
      ],
    ],
  ])('%s', (_name, file, mutate, expected) => {
    expect(messages(validateWith(file, mutate))).toEqual(expected);
  });

  it('reports a missing manifest, bibliography and records', () => {
    const result = validateCollection(new Map([['texts/x.md', 'hello']]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(messages(result.errors)).toEqual([
      'manifest.json: missing file: every collection needs a manifest.json',
      'bibliography.json: missing file: every collection needs a bibliography.json',
      'records/: no record files: put the records in records/*.json',
    ]);
  });

  it('rejects unsafe paths in the file map (zip-slip)', () => {
    const files = new Map(base);
    files.set('../evil.json', '[]');
    files.set('records/sub/x.json', '[]');
    const result = validateCollection(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(messages(result.errors)).toEqual([
      '../evil.json: path escapes the collection folder (absolute, or contains "." or "..")',
      'records/sub/x.json: the records/ folder may only hold .json files (no subfolders)',
    ]);
  });

  it('caps the number of errors and says how many were dropped', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: `r-${i}`, kind: 'event' }));
    const files = new Map(base);
    files.set('records/broken.json', JSON.stringify(records));
    const result = validateCollection(files, { maxErrors: 10 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(11);
    expect(result.errors[10]).toEqual({
      file: '(collection)',
      message: '80 more error(s) not shown; fix the errors above first',
    });
  });

  it('reports JSON syntax errors with line and column', () => {
    const files = new Map(base);
    files.set('bibliography.json', '[\n  { "id": "x" }\n  { "id": "y" }\n]');
    const result = validateCollection(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatCollectionError(result.errors[0] as CollectionError)).toBe(
      "bibliography.json: invalid JSON at line 3, column 3: Expected ',' or ']' after array element",
    );
  });
});

describe('property: the validator never throws', () => {
  const paths = fc.constantFrom(
    'manifest.json',
    'bibliography.json',
    'records/a.json',
    'records/b.json',
    'texts/intro.md',
    'texts/other.md',
    'records/x.txt',
    '../up.json',
  );
  const contents = fc.oneof(
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc
      .array(
        fc.dictionary(fc.constantFrom('id', 'kind', 'title', 'claims', 'date', 'labels'), fc.jsonValue()),
      )
      .map((v) => JSON.stringify(v)),
  );

  const assertErrorsWellFormed = (files: Map<string, string>): void => {
    const result = validateCollection(files);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(typeof e.file).toBe('string');
      expect(e.file.length).toBeGreaterThan(0);
      expect(typeof e.message).toBe('string');
      expect(typeof formatCollectionError(e)).toBe('string');
    }
  };

  it('on random file maps', () => {
    fc.assert(
      fc.property(fc.dictionary(paths, contents), (dict) =>
        assertErrorsWellFormed(new Map(Object.entries(dict))),
      ),
      { numRuns: 300 },
    );
  });

  it('on the valid package with one value replaced anywhere by random JSON', () => {
    const jsonFiles = [...base.keys()].filter((p) => p.endsWith('.json'));
    const replaceAt = (value: unknown, pick: number, replacement: unknown): unknown => {
      // Walk the tree and replace the node whose pre-order index is pick % size.
      const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
      const visit = (v: unknown): void => {
        if (Array.isArray(v)) {
          v.forEach((x, i) => {
            nodes.push({ parent: v, key: i });
            visit(x);
          });
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            nodes.push({ parent: v as Record<string, unknown>, key: k });
            visit(x);
          }
        }
      };
      visit(value);
      const node = nodes[pick % Math.max(nodes.length, 1)];
      if (!node) return replacement;
      (node.parent as Record<string | number, unknown>)[node.key] = replacement;
      return value;
    };
    fc.assert(
      fc.property(fc.constantFrom(...jsonFiles), fc.nat(), fc.jsonValue(), (file, pick, replacement) => {
        const files = new Map(base);
        const mutated = replaceAt(JSON.parse(files.get(file) ?? 'null'), pick, replacement);
        files.set(file, JSON.stringify(mutated));
        assertErrorsWellFormed(files);
      }),
      { numRuns: 500 },
    );
  });
});
