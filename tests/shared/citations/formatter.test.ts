import { beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '@shared/collection/schema';
import { createCitationFormatter, type CitationFormatter } from '@shared/citations/formatter';
import type { CitationStyleId, CslLocaleId } from '@shared/citations/styles';
import {
  ARTICLE,
  BOOK,
  CHAPTER,
  CITATION_ONLY,
  EDITED_VOLUME,
  WEB_POST,
  ALL_FIXTURES,
  bundledCslSources,
} from './fixtures';

// citeproc compiles each style once per process (about 1.5 s each under Node); the hook pays for it.
describe('citation formatting with the bundled CSL styles', { timeout: 30_000 }, () => {
  let formatter: CitationFormatter;
  beforeAll(() => {
    formatter = createCitationFormatter(bundledCslSources());
  }, 60_000);

  /**
   * Produced once by citeproc-js with the bundled styles, then read against each manual's pattern:
   * Chicago 18 author-date (Name. Year. *Title*. Publisher.), Chicago 18 notes-bibliography (Name.
   * *Title*. Publisher, Year.), APA 7 (Name, I. (Year). *Title*. Publisher.; chapters "In I. Editor (Ed.),
   * *Book* (pp. x–y)"), MLA 9 (Name. *Title*. Publisher, Year.; "edited by", "pp."). The collection
   * records Burauskaitė's volume as the roman "I", which CSL does not count as a number, so no styles
   * print a "Vol." label before it.
   */
  const REFERENCES: [CitationStyleId, CslItem, string][] = [
    ['chicago-author-date', BOOK, 'Anušauskas, A. 2012. <i>Teroras, 1940–1958</i>. Versus Aureus.'],
    [
      'chicago-author-date',
      EDITED_VOLUME,
      'Burauskaitė, B., ed. 1992. <i>Lietuvos gyventojų genocidas</i>. I. Vilnius.',
    ],
    [
      'chicago-author-date',
      ARTICLE,
      'Zemskov, V. N. 1991. “Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954–1960.” <i>Sociologicheskie issledovania</i>, no. 1: 5–26.',
    ],
    [
      'chicago-author-date',
      CHAPTER,
      'Author, Test. 2000. “A Test Chapter.” In <i>The Test Volume</i>, edited by Testė Redaktorė. Test Press.',
    ],
    [
      'chicago-author-date',
      WEB_POST,
      'Balkelis, Tomas. 2026. “The Mass Deportations of Lithuanians during the Two Soviet Occupations.” <i>Researching Internal Displacement</i>, January 8.',
    ],
    ['chicago-author-date', CITATION_ONLY, 'Davoliūtė. 2015.'],
    ['chicago-notes-bibliography', BOOK, 'Anušauskas, A. <i>Teroras, 1940–1958</i>. Versus Aureus, 2012.'],
    [
      'chicago-notes-bibliography',
      EDITED_VOLUME,
      'Burauskaitė, B., ed. <i>Lietuvos gyventojų genocidas</i>. I. Vilnius, 1992.',
    ],
    [
      'chicago-notes-bibliography',
      ARTICLE,
      'Zemskov, V. N. “Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954–1960.” <i>Sociologicheskie issledovania</i>, no. 1 (1991): 5–26.',
    ],
    [
      'chicago-notes-bibliography',
      CHAPTER,
      'Author, Test. “A Test Chapter.” In <i>The Test Volume</i>, edited by Testė Redaktorė. Test Press, 2000.',
    ],
    [
      'chicago-notes-bibliography',
      WEB_POST,
      'Balkelis, Tomas. “The Mass Deportations of Lithuanians during the Two Soviet Occupations.” <i>Researching Internal Displacement</i>, January 8, 2026.',
    ],
    ['apa', BOOK, 'Anušauskas, A. (2012). <i>Teroras, 1940–1958</i>. Versus Aureus.'],
    ['apa', EDITED_VOLUME, 'Burauskaitė, B. (Ed.). (1992). <i>Lietuvos gyventojų genocidas: I</i>.'],
    [
      'apa',
      ARTICLE,
      'Zemskov, V. N. (1991). Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954–1960. <i>Sociologicheskie issledovania</i>, (1), 5–26.',
    ],
    [
      'apa',
      CHAPTER,
      'Author, T. (2000). A Test Chapter. In T. Redaktorė (Ed.), <i>The Test Volume</i> (pp. 11–29). Test Press.',
    ],
    [
      'apa',
      WEB_POST,
      'Balkelis, T. (2026, January 8). The Mass Deportations of Lithuanians during the Two Soviet Occupations. <i>Researching Internal Displacement</i>.',
    ],
    ['apa', CITATION_ONLY, 'Davoliūtė. (2015).'],
    ['modern-language-association', BOOK, 'Anušauskas, A. <i>Teroras, 1940–1958</i>. Versus Aureus, 2012.'],
    [
      'modern-language-association',
      EDITED_VOLUME,
      'Burauskaitė, B., editor. <i>Lietuvos gyventojų genocidas</i>. I, Vilnius, 1992.',
    ],
    [
      'modern-language-association',
      ARTICLE,
      'Zemskov, V. N. “Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954–1960.” <i>Sociologicheskie issledovania</i>, no. 1, 1991, pp. 5–26.',
    ],
    [
      'modern-language-association',
      CHAPTER,
      'Author, Test. “A Test Chapter.” <i>The Test Volume</i>, edited by Testė Redaktorė, Test Press, 2000, pp. 11–29.',
    ],
    [
      'modern-language-association',
      WEB_POST,
      'Balkelis, Tomas. “The Mass Deportations of Lithuanians during the Two Soviet Occupations.” <i>Researching Internal Displacement</i>, 8 Jan. 2026.',
    ],
  ];

  it.each(REFERENCES.map(([style, item, html]) => [style, item.id, item, html] as const))(
    '%s formats %s',
    (style, _id, item, html) => {
      const formatted = formatter.reference(item, { style, locale: 'en-US' });
      expect(formatted?.html).toBe(html);
      // The plain text is the same reference without the markup.
      expect(formatted?.text).toBe(html.replace(/<\/?i>/g, ''));
    },
  );

  it('formats with the Lithuanian locale: „quotes“, sudarė/sud., month names', () => {
    const lt = { style: 'chicago-author-date', locale: 'lt-LT' } as const;
    expect(formatter.reference(CHAPTER, lt)?.text).toBe(
      'Author, Test. 2000. „A Test Chapter“. The Test Volume, sudarė Testė Redaktorė. Test Press.',
    );
    expect(formatter.reference(WEB_POST, lt)?.text).toBe(
      'Balkelis, Tomas. 2026. „The Mass Deportations of Lithuanians during the Two Soviet Occupations“. Researching Internal Displacement, sausio 8.',
    );
    expect(formatter.reference(EDITED_VOLUME, { style: 'apa', locale: 'lt-LT' })?.text).toBe(
      'Burauskaitė, B. (Sud.). (1992). Lietuvos gyventojų genocidas: I.',
    );
    expect(
      formatter.citation({ source: ARTICLE, locator: 'pp. 5-26' }, { style: 'apa', locale: 'lt-LT' }).text,
    ).toBe('(Zemskov, 1991, p. 5–26)');
  });

  /** The claim's page in each style's own form. */
  const CITATIONS: [CitationStyleId, CslItem, string | null, string][] = [
    ['chicago-author-date', BOOK, 'p. 266', '(Anušauskas 2012, 266)'],
    ['chicago-author-date', ARTICLE, 'pp. 5-26', '(Zemskov 1991, 5–26)'],
    ['chicago-author-date', CITATION_ONLY, 'p. 134', '(Davoliūtė 2015, 134)'],
    ['chicago-author-date', WEB_POST, null, '(Balkelis 2026)'],
    ['chicago-author-date', EDITED_VOLUME, 'doc. 19', '(Burauskaitė 1992, doc. 19)'],
    ['chicago-author-date', CHAPTER, 'p. 279; p. 268', '(Author 2000, 279, 268)'],
    ['apa', BOOK, 'p. 266', '(Anušauskas, 2012, p. 266)'],
    ['apa', ARTICLE, 'pp. 5-26', '(Zemskov, 1991, pp. 5–26)'],
    ['apa', WEB_POST, null, '(Balkelis, 2026)'],
    ['apa', CHAPTER, 'p. 279; p. 268', '(Author, 2000, pp. 279, 268)'],
    ['modern-language-association', BOOK, 'p. 266', '(Anušauskas 266)'],
    ['modern-language-association', ARTICLE, 'pp. 5-26', '(Zemskov 5–26)'],
    ['modern-language-association', WEB_POST, null, '(Balkelis)'],
    // A note style's first citation of a work is a full note.
    [
      'chicago-notes-bibliography',
      BOOK,
      'p. 266',
      'A. Anušauskas, Teroras, 1940–1958 (Versus Aureus, 2012), 266.',
    ],
    [
      'chicago-notes-bibliography',
      CHAPTER,
      'p. 279; p. 268',
      'Test Author, “A Test Chapter,” in The Test Volume, ed. Testė Redaktorė (Test Press, 2000), 279, 268.',
    ],
  ];

  it.each(
    CITATIONS.map(([style, source, locator, text]) => [style, source.id, locator, source, text] as const),
  )('%s cites %s at %s', (style, _id, locator, source, text) => {
    expect(formatter.citation({ source, locator }, { style, locale: 'en-US' }).text).toBe(text);
  });

  it('cites a work known through another as "cited in", in that order whatever the style sorts', () => {
    const request = { source: BOOK, locator: 'p. 266', via: WEB_POST, viaPrefix: 'cited in ' };
    expect(formatter.citation(request, { style: 'chicago-author-date', locale: 'en-US' }).text).toBe(
      '(Anušauskas 2012, 266; cited in Balkelis 2026)',
    );
    // APA sorts a citation's works by author; "cited in" must still follow the cited work.
    const reversed = { source: WEB_POST, via: BOOK, viaPrefix: 'cited in ' };
    expect(formatter.citation(reversed, { style: 'apa', locale: 'en-US' }).text).toBe(
      '(Balkelis, 2026; cited in Anušauskas, 2012)',
    );
  });

  it('pairs each reference with its own work when a style leaves one out', () => {
    // Chicago notes prints nothing for a work with no title; the rest must keep their own ids.
    const style = { style: 'chicago-notes-bibliography', locale: 'en-US' } as const;
    const references = formatter.references(ALL_FIXTURES, style);
    expect(references.map((reference) => reference.id)).toEqual([
      'anusauskas2012',
      'test-chapter',
      'balkelis2026',
      'burauskaite1992',
      'zemskov1991',
    ]);
    expect(references.find((reference) => reference.id === 'zemskov1991')?.text).toMatch(/^Zemskov, V\. N\./);
    expect(formatter.reference(CITATION_ONLY, style)).toBeNull();
  });

  it('sorts references in the style order', () => {
    const ids = formatter.references([WEB_POST, ARTICLE, BOOK], { style: 'apa', locale: 'en-US' });
    expect(ids.map((reference) => reference.id)).toEqual(['anusauskas2012', 'balkelis2026', 'zemskov1991']);
  });

  it('escapes markup in the data in its HTML output', () => {
    const item: CslItem = { ...BOOK, id: 'test-markup', title: 'Test <script>alert(1)</script> & Title' };
    const html = formatter.reference(item, { style: 'apa', locale: 'en-US' })?.html ?? '';
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('refuses a style or locale that was not loaded, naming it', () => {
    const bare = createCitationFormatter({ styles: {}, locales: {} });
    expect(() => bare.reference(BOOK, { style: 'apa', locale: 'xx-XX' as CslLocaleId })).toThrow(
      /"xx-XX" is not loaded/,
    );
  });
});
