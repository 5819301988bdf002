import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseBibTeX, type Creator } from '@retorquere/bibtex-parser';
import { plugins } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import type { CslItem, CslName } from '@shared/collection/schema';
import { exportBibliography, toBibTeX, toCslJson, toRis } from '@shared/citations/export';
import { ALL_FIXTURES, ARTICLE, BOOK, CHAPTER, CITATION_ONLY, EDITED_VOLUME, WEB_POST } from './fixtures';

/** The bundled collection's bibliography as shipped: every real entry must survive every format. */
const BUNDLED: CslItem[] = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../../resources/collections/lt-deportations-1940-1953/bibliography.json',
    ),
    'utf8',
  ),
) as CslItem[];

const NON_ASCII_NAMES = ['Anušauskas', 'Burauskaitė', 'Davoliūtė'];

const familyNames = (names: CslName[] | undefined) =>
  (names ?? []).map((name) => name.family ?? name.literal ?? '');

// The export is UTF-8, so names and titles must come back byte for byte: no Unicode normalisation.
const bibtexNames = (creators: Creator[] | undefined) =>
  (creators ?? []).map((creator) => creator.lastName ?? creator.name ?? '');

/**
 * citation-js's RIS and CSL-JSON readers, as a reference manager would read the file back. A newspaper
 * article's RIS AU comes back as citation-js's text variable "reporter"; Zotero reads it as the author.
 */
const readBack = (text: string) =>
  (
    plugins.input.chain(text, { generateGraph: false }) as unknown as (CslItem & {
      reporter?: string | string[];
    })[]
  ).map(({ reporter, ...item }) =>
    reporter && !item.author
      ? {
          ...item,
          author: [reporter].flat().map((name) => {
            const [family, given] = name.split(', ');
            return given === undefined ? { family } : { family, given };
          }),
        }
      : item,
  );

describe('BibTeX export, read by @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero)', () => {
  it('parses with zero errors and gives back the same fields', () => {
    const library = parseBibTeX(toBibTeX(ALL_FIXTURES));
    expect(library.errors).toEqual([]);
    const byKey = new Map(library.entries.map((entry) => [entry.key, entry]));
    expect([...byKey.keys()]).toEqual(ALL_FIXTURES.map((item) => item.id));

    expect(byKey.get(BOOK.id)).toMatchObject({
      type: 'book',
      fields: {
        author: [{ lastName: 'Anušauskas', firstName: 'A.' }],
        title: 'Teroras, 1940–1958',
        year: '2012',
        publisher: ['Versus Aureus'],
        address: 'Vilnius',
      },
    });
    expect(byKey.get(EDITED_VOLUME.id)).toMatchObject({
      type: 'book',
      fields: {
        editor: [{ lastName: 'Burauskaitė', firstName: 'B.' }],
        title: 'Lietuvos gyventojų genocidas',
        volume: 'I',
        year: '1992',
        address: 'Vilnius',
      },
    });
    expect(byKey.get(EDITED_VOLUME.id)?.fields.author).toBeUndefined();
    expect(byKey.get(ARTICLE.id)).toMatchObject({
      type: 'article',
      fields: {
        author: [{ lastName: 'Zemskov', firstName: 'V. N.' }],
        title: 'Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954–1960',
        journal: 'Sociologicheskie issledovania',
        number: '1',
        pages: '5–26',
        year: '1991',
      },
    });
    expect(byKey.get(CHAPTER.id)).toMatchObject({
      type: 'inbook',
      fields: {
        author: [{ lastName: 'Author', firstName: 'Test' }],
        editor: [{ lastName: 'Redaktorė', firstName: 'Testė' }],
        title: 'A Test Chapter',
        booktitle: 'The Test Volume',
        publisher: ['Test Press'],
        address: 'Testville',
        pages: '11–29',
        year: '2000',
      },
    });
    expect(byKey.get(WEB_POST.id)).toMatchObject({
      type: 'misc',
      fields: {
        author: [{ lastName: 'Balkelis', firstName: 'Tomas' }],
        title: 'The Mass Deportations of Lithuanians during the Two Soviet Occupations',
        year: '2026',
      },
    });
    expect(byKey.get(CITATION_ONLY.id)).toMatchObject({
      type: 'misc',
      fields: { author: [{ name: 'Davoliūtė' }], year: '2015' },
    });
  });

  it('writes UTF-8, so Lithuanian and Cyrillic letters come through as they are', () => {
    const russian: CslItem = { ...BOOK, id: 'test-cyrillic', title: 'Тестовое название' };
    const bibtex = toBibTeX([BOOK, EDITED_VOLUME, russian]);
    expect(bibtex).toContain('author = {Anušauskas, A.}');
    expect(bibtex).toContain('editor = {Burauskaitė, B.}');
    expect(parseBibTeX(bibtex).entries[2]?.fields.title).toBe('Тестовое название');
  });

  it('carries every entry of the bundled bibliography: keys, names and titles intact', () => {
    // Without a language field the parser sentence-cases titles as if English (Zotero's convention),
    // which would lower-case "Литовской"; the comparison is of what the file says, so that is off.
    const library = parseBibTeX(toBibTeX(BUNDLED), { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.key)).toEqual(BUNDLED.map((item) => item.id));
    for (const [index, item] of BUNDLED.entries()) {
      const fields = library.entries[index]?.fields;
      expect(bibtexNames(fields?.author), item.id).toEqual(familyNames(item.author));
      expect(bibtexNames(fields?.editor), item.id).toEqual(familyNames(item.editor));
      if (item.title) expect(fields?.title, item.id).toBe(item.title);
    }
    const names = library.entries.flatMap((entry) => [
      ...bibtexNames(entry.fields.author),
      ...bibtexNames(entry.fields.editor),
    ]);
    for (const name of NON_ASCII_NAMES) expect(names).toContain(name);
  });
});

describe('BibTeX export: valid fields, faithful values', () => {
  it('writes the month as its macro and the full date in biblatex\'s date, never "month = {jan 8}"', () => {
    const monthOnly: CslItem = { ...BOOK, id: 'test-month', issued: { 'date-parts': [[1941, 10]] } };
    const range: CslItem = {
      ...BOOK,
      id: 'test-range',
      issued: {
        'date-parts': [
          [1948, 5, 22],
          [1948, 5, 23],
        ],
      },
    };
    const bibtex = toBibTeX([WEB_POST, monthOnly, range, BOOK]);
    expect(bibtex).not.toMatch(/month = \{/);
    const library = parseBibTeX(bibtex);
    expect(library.errors).toEqual([]);
    const [post, month, span, book] = library.entries;
    expect(post?.fields).toMatchObject({ year: '2026', month: '1', date: '2026-01-08' });
    expect(bibtex).toContain('\tmonth = jan,\n\tdate = {2026-01-08},\n');
    expect(month?.fields).toMatchObject({ year: '1941', month: '10' });
    expect(month?.fields.date).toBeUndefined();
    expect(span?.fields).toMatchObject({ month: '5', date: '1948-05-22/1948-05-23' });
    expect(book?.fields.month).toBeUndefined();
  });

  it('braces whole words only, never part of a word, in every title of the bundled bibliography', () => {
    const bibtex = toBibTeX(BUNDLED);
    const titles = bibtex.split('\n').filter((line) => /^\t(?:title|booktitle|series|type) = /.test(line));
    expect(titles.length).toBeGreaterThan(80);
    for (const line of titles) {
      const value = line.replace(/^\t\w+ = \{(.*)\},$/u, '$1');
      // A brace next to a letter or digit outside it splits a word.
      expect(value, line).not.toMatch(/[\p{L}\p{M}\p{N}]\{|\}[\p{L}\p{M}\p{N}]/u);
    }
    expect(bibtex).toContain('{Grinkevičiūtė}');
    expect(bibtex).not.toContain('{Grinkevi}');
    expect(bibtex).toContain('Lietuviai prie {Laptevų} jūros');
  });

  it("escapes TeX's special characters and reads them back as they were", () => {
    const special: CslItem = {
      ...BOOK,
      id: 'test-special',
      title: 'Tests & Checks: 100% of #1 test_case for $5',
    };
    const bibtex = toBibTeX([special]);
    expect(bibtex).toContain('Tests \\& {Checks}: 100\\% of \\#1 test\\_case for \\$5');
    const library = parseBibTeX(bibtex, { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries[0]?.fields.title).toBe(special.title);
  });
});

/** A deliberately simple RIS reader, independent of citation-js: tag lines only, no continuations. */
function readRisRecords(text: string): Map<string, string[]>[] {
  const records: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | undefined;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const match = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
    if (!match) throw new Error(`Not a RIS tag line: ${JSON.stringify(line)}`);
    const [, tag = '', value = ''] = match;
    if (tag === 'TY') records.push((current = new Map()));
    if (!current) throw new Error(`${tag} before TY`);
    if (tag !== 'ER') current.set(tag, [...(current.get(tag) ?? []), value]);
    else current = undefined;
  }
  if (current) throw new Error('The last record has no ER');
  return records;
}

/** The CSL fields the RIS mapping carries, for comparing an item with its round trip. */
const RIS_FIELDS = [
  'id',
  'type',
  'title',
  'author',
  'editor',
  'container-title',
  'publisher',
  'publisher-place',
  'volume',
  'issue',
  'page',
  'issued',
  'language',
  'note',
  'URL',
] as const;

/** RIS allows 20 characters in an ID (citation-js truncates to that); all else must come back whole. */
const RIS_ID_LENGTH = 20;

function risView(item: CslItem): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const field of RIS_FIELDS) if (item[field] !== undefined) view[field] = item[field];
  view['id'] = item.id.slice(0, RIS_ID_LENGTH);
  return view;
}

describe('RIS export', () => {
  it('writes one tag per line, TY first and ER last, with CRLF line ends', () => {
    const ris = toRis(ALL_FIXTURES);
    const records = readRisRecords(ris);
    expect(records).toHaveLength(ALL_FIXTURES.length);
    expect(records.map((record) => record.get('TY')?.[0])).toEqual([
      'BOOK',
      'BOOK',
      'JOUR',
      'CHAP',
      'BLOG',
      'GEN',
    ]);
    expect(records.map((record) => record.get('ID')?.[0])).toEqual(ALL_FIXTURES.map((item) => item.id));
    expect(records[0]?.get('AU')).toEqual(['Anušauskas, A.']);
    expect(records[1]?.get('A3')).toEqual(['Burauskaitė, B.']);
    expect(records[2]?.get('SP')).toEqual(['5-26']);
    expect(records[5]?.get('AU')).toEqual(['Davoliūtė']);
  });

  it('reads back as the same items (citation-js RIS parser)', () => {
    const back = readBack(toRis(ALL_FIXTURES));
    expect(back.map(risView)).toEqual(ALL_FIXTURES.map(risView));
  });

  it('round-trips the whole bundled bibliography, long notes and titles included', () => {
    const ris = toRis(BUNDLED);
    expect(readRisRecords(ris)).toHaveLength(BUNDLED.length);
    const back = readBack(ris);
    expect(back).toHaveLength(BUNDLED.length);
    for (const [index, item] of BUNDLED.entries()) {
      const read = back[index];
      expect(read?.id).toBe(item.id.slice(0, RIS_ID_LENGTH));
      expect(familyNames(read?.author), item.id).toEqual(familyNames(item.author));
      expect(familyNames(read?.editor), item.id).toEqual(familyNames(item.editor));
      expect(read?.title, item.id).toBe(item.title);
      expect(read?.note, item.id).toBe(item.note);
    }
  });

  it("writes a newspaper article's authors as its AU lines", () => {
    const news: CslItem = {
      id: 'test-news',
      type: 'article-newspaper',
      author: [{ family: 'Author', given: 'Test' }, { literal: 'Test Desk' }],
      title: 'A Test Report',
    };
    expect(readRisRecords(toRis([news]))[0]?.get('AU')).toEqual(['Author, Test', 'Test Desk']);
  });

  it('keeps a multi-line value on its one line', () => {
    const item: CslItem = { ...BOOK, id: 'test-lines', note: 'First test line.\nSecond test line.' };
    const records = readRisRecords(toRis([item]));
    expect(records[0]?.get('N1')).toEqual(['First test line. Second test line.']);
  });
});

describe('CSL-JSON export', () => {
  it('reads back as the same items, with JSON.parse and with citation-js', () => {
    const json = toCslJson(BUNDLED);
    expect(JSON.parse(json)).toEqual(BUNDLED);
    const back = readBack(json);
    expect(back.map(risView)).toEqual(BUNDLED.map(risView));
    for (const name of NON_ASCII_NAMES) expect(json).toContain(name);
  });

  it('exports exactly the selected entries, in every format', () => {
    const selected = [EDITED_VOLUME, CITATION_ONLY];
    expect(parseBibTeX(exportBibliography('bibtex', selected)).entries.map((entry) => entry.key)).toEqual([
      'burauskaite1992',
      'davoliute2015',
    ]);
    expect(
      readRisRecords(exportBibliography('ris', selected)).map((record) => record.get('ID')?.[0]),
    ).toEqual(['burauskaite1992', 'davoliute2015']);
    expect(
      (JSON.parse(exportBibliography('csl-json', selected)) as CslItem[]).map((item) => item.id),
    ).toEqual(['burauskaite1992', 'davoliute2015']);
  });
});
