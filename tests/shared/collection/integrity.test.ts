import { describe, expect, it } from 'vitest';
import { computeIntegrityReport, parsePrintedReferenceLine } from '@shared/collection/integrity';
import type { CollectionRecord, CslItem, InTextCitation } from '@shared/collection/schema';

const book = (id: string, family: string, year: number, role: 'author' | 'editor' = 'author'): CslItem => ({
  id,
  type: 'book',
  [role]: [{ family }],
  issued: { 'date-parts': [[year]] },
});

const claimRecord: CollectionRecord = {
  id: 'stat-x',
  kind: 'statistic',
  title: 'X',
  labels: {},
  altNames: [],
  altDates: [],
  summary: 'x',
  relations: [],
  citations: [],
  claims: [
    {
      id: 'c-smith',
      value: 1,
      unit: 'people',
      counts: 'x',
      source: 'smith1990',
      status: 'as-cited',
      via: 'src',
    },
    {
      id: 'c-jones',
      value: 2,
      unit: 'people',
      counts: 'x',
      source: 'jones1995',
      status: 'as-cited',
      via: 'src',
    },
  ],
};

function sourceRecord(referenceList: string[], inTextCitations: Partial<InTextCitation>[]): CollectionRecord {
  return {
    id: 'src-article',
    kind: 'source',
    title: 'Article',
    labels: {},
    altNames: [],
    altDates: [],
    summary: 'x',
    relations: [],
    claims: [],
    citations: [],
    bibliographyIds: [],
    citationData: {
      referenceList,
      inTextCitations: inTextCitations.map((c, i) => ({
        id: `cit-${i}`,
        printed: c.printed ?? 'x',
        authors: c.authors ?? ['Smith'],
        year: c.year ?? 1990,
        claims: c.claims ?? [],
        ...(c.locator === undefined ? {} : { locator: c.locator }),
      })),
    },
  };
}

const bibliography = [
  book('smith1990', 'Smith', 1990),
  book('jones1995', 'Jones', 1995),
  book('brown2001', 'Brown', 2001),
];

describe('parsePrintedReferenceLine', () => {
  it.each([
    ['Anušauskas, A. (2012) Teroras, 1940-1958. Vilnius: Versus Aureus', [['Anušauskas', 2012]]],
    ['Zemskov, V. N. (1991) “Title” in Journal, No. 1. Moscow', [['Zemskov', 1991]]],
    [
      'Burauskaitė, B.(ed.) (1992) Title. Volume I.VilniusKerulis, L. (1981) A Registry. Chicago',
      [
        ['Burauskaitė', 1992],
        ['Kerulis', 1981],
      ],
    ],
    ['Saunoriūtė-Muschick, V. (2023) Title', [['Saunoriūtė-Muschick', 2023]]],
    ['No author here (1999) at all', []],
  ])('%s', (line, expected) => {
    expect(parsePrintedReferenceLine(line, 0).map((e) => [e.surname, e.year])).toEqual(expected);
  });
});

describe('computeIntegrityReport on synthetic input', () => {
  it('reports nothing when citations and list agree', () => {
    const src = sourceRecord(
      ['Smith, A. (1990) One. Place', 'Jones, B. (1995) Two. Place'],
      [
        { authors: ['Smith'], year: 1990, claims: ['c-smith'] },
        { authors: ['Jones'], year: 1995, claims: ['c-jones'] },
      ],
    );
    expect(computeIntegrityReport([src, claimRecord], bibliography).findings).toEqual([]);
  });

  it('finds a cited work missing from the list, with its bibliography entry and claims', () => {
    const src = sourceRecord(
      ['Smith, A. (1990) One. Place'],
      [
        { authors: ['Smith'], year: 1990 },
        { authors: ['Jones'], year: 1995, printed: 'Jones, 1995, p. 3', claims: ['c-jones'] },
      ],
    );
    expect(computeIntegrityReport([src, claimRecord], bibliography).findings).toEqual([
      {
        kind: 'cited-not-listed',
        sourceRecordId: 'src-article',
        bibliographyIds: ['jones1995'],
        claimIds: ['c-jones'],
        message:
          'The text cites "Jones, 1995, p. 3", but the printed reference list has no entry by Jones: the work cannot be identified from the source itself.',
      },
    ]);
  });

  it('finds a year mismatch', () => {
    const src = sourceRecord(
      ['Smith, A. (1990) One. Place'],
      [{ authors: ['Smith'], year: 1991, printed: 'Smith, 1991' }],
    );
    const findings = computeIntegrityReport([src], bibliography).findings;
    expect(findings.map((f) => [f.kind, f.bibliographyIds, f.message])).toEqual([
      [
        'year-mismatch',
        ['smith1990'],
        'The text cites "Smith, 1991" with the year 1991, but the reference list gives Smith (1990).',
      ],
    ]);
  });

  it('finds entries run together on one printed line', () => {
    const src = sourceRecord(
      ['Smith, A. (1990) One. PlaceJones, B. (1995) Two. Place'],
      [
        { authors: ['Smith'], year: 1990 },
        { authors: ['Jones'], year: 1995 },
      ],
    );
    const findings = computeIntegrityReport([src], bibliography).findings;
    expect(findings.map((f) => [f.kind, f.bibliographyIds])).toEqual([
      ['run-together-entries', ['smith1990', 'jones1995']],
    ]);
  });

  it('finds a listed work never cited', () => {
    const src = sourceRecord(
      ['Smith, A. (1990) One', 'Brown, C. (2001) Three'],
      [{ authors: ['Smith'], year: 1990 }],
    );
    const findings = computeIntegrityReport([src], bibliography).findings;
    expect(findings.map((f) => [f.kind, f.bibliographyIds])).toEqual([['listed-not-cited', ['brown2001']]]);
  });

  it('finds a claim whose source is not by the cited author', () => {
    const src = sourceRecord(
      ['Smith, A. (1990) One'],
      [{ authors: ['Smith'], year: 1990, claims: ['c-jones'] }],
    );
    const findings = computeIntegrityReport([src, claimRecord], bibliography).findings;
    expect(findings.map((f) => [f.kind, f.bibliographyIds, f.claimIds])).toEqual([
      ['claim-source-mismatch', ['jones1995'], ['c-jones']],
    ]);
  });

  it('matches editors as well as authors, ignoring case', () => {
    const src = sourceRecord(['Brown, C.(ed.) (2001) Three'], [{ authors: ['BROWN'], year: 2001 }]);
    expect(computeIntegrityReport([src], [book('brown2001', 'Brown', 2001, 'editor')]).findings).toEqual([]);
  });

  it('ignores records without citation data', () => {
    expect(computeIntegrityReport([claimRecord], bibliography).findings).toEqual([]);
  });
});
