/**
 * CSL-JSON test items. The real works carry the bibliographic facts the bundled collection records for
 * them (Anušauskas 2012, Burauskaitė 1992, Zemskov 1991, Balkelis 2026, Davoliūtė 2015); the one item
 * that needs facts no source gives us is plainly fictional ("Test Author", "Test Press").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CslItem } from '@shared/collection/schema';
import {
  CITATION_STYLES,
  CSL_LOCALES,
  type CitationStyleId,
  type CslLocaleId,
} from '@shared/citations/styles';
import type { CslSources } from '@shared/citations/formatter';

/** Book. */
export const BOOK: CslItem = {
  id: 'anusauskas2012',
  type: 'book',
  author: [{ family: 'Anušauskas', given: 'A.' }],
  title: 'Teroras, 1940–1958',
  publisher: 'Versus Aureus',
  'publisher-place': 'Vilnius',
  issued: { 'date-parts': [[2012]] },
  language: 'lt',
};

/** Edited volume. */
export const EDITED_VOLUME: CslItem = {
  id: 'burauskaite1992',
  type: 'book',
  editor: [{ family: 'Burauskaitė', given: 'B.' }],
  title: 'Lietuvos gyventojų genocidas',
  volume: 'I',
  'publisher-place': 'Vilnius',
  issued: { 'date-parts': [[1992]] },
  language: 'lt',
};

/** Journal article. */
export const ARTICLE: CslItem = {
  id: 'zemskov1991',
  type: 'article-journal',
  author: [{ family: 'Zemskov', given: 'V. N.' }],
  title: 'Masovoe osvobozhdenie spetsposelentsev i ssilnykh, 1954–1960',
  'container-title': 'Sociologicheskie issledovania',
  issue: '1',
  page: '5-26',
  issued: { 'date-parts': [[1991]] },
  language: 'ru',
};

/** Chapter in an edited book: fictional test data. */
export const CHAPTER: CslItem = {
  id: 'test-chapter',
  type: 'chapter',
  author: [{ family: 'Author', given: 'Test' }],
  editor: [{ family: 'Redaktorė', given: 'Testė' }],
  title: 'A Test Chapter',
  'container-title': 'The Test Volume',
  publisher: 'Test Press',
  'publisher-place': 'Testville',
  page: '11-29',
  issued: { 'date-parts': [[2000]] },
};

/** Blog post. */
export const WEB_POST: CslItem = {
  id: 'balkelis2026',
  type: 'post-weblog',
  author: [{ family: 'Balkelis', given: 'Tomas' }],
  title: 'The Mass Deportations of Lithuanians during the Two Soviet Occupations',
  'container-title': 'Researching Internal Displacement',
  issued: { 'date-parts': [[2026, 1, 8]] },
  language: 'en',
};

/** A work known only from an in-text citation: a surname and a year, nothing else. */
export const CITATION_ONLY: CslItem = {
  id: 'davoliute2015',
  type: 'document',
  author: [{ family: 'Davoliūtė' }],
  issued: { 'date-parts': [[2015]] },
};

export const ALL_FIXTURES: CslItem[] = [BOOK, EDITED_VOLUME, ARTICLE, CHAPTER, WEB_POST, CITATION_ONLY];

const CSL_DIR = resolve(import.meta.dirname, '../../../resources/csl');

/** Every bundled style and locale, read from resources/csl as the app ships them. */
export function bundledCslSources(): CslSources {
  const styles: Partial<Record<CitationStyleId, string>> = {};
  for (const style of CITATION_STYLES) styles[style.id] = readFileSync(resolve(CSL_DIR, style.file), 'utf8');
  const locales: Partial<Record<CslLocaleId, string>> = {};
  for (const locale of CSL_LOCALES) locales[locale.id] = readFileSync(resolve(CSL_DIR, locale.file), 'utf8');
  return { styles, locales };
}
