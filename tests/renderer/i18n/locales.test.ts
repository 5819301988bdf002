import { describe, expect, it } from 'vitest';
import { loadResources, SUPPORTED_LANGUAGES } from '../../../src/renderer/src/i18n/i18n';

/**
 * Both languages must offer every string the interface asks for. Keys are compared as flattened paths;
 * plural keys are compared by their base, each language carrying exactly the plural categories its
 * grammar has (English one/other; Lithuanian one/few/many/other), as Intl.PluralRules reports them —
 * the same source i18next uses to pick a suffix.
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * Strings that are rightly the same in both languages: names, endonyms, format names and codes.
 * Keep this short; every entry is a claim that a Lithuanian reader needs no translation.
 */
const IDENTICAL_ALLOWED = new Set([
  'app.name',
  'settings.languageName.en',
  'settings.languageName.lt',
  'bibliography.field.isbn',
  'bibliography.export.formats.bibtex',
  'bibliography.export.formats.ris',
  'bibliography.export.formats.csl-json',
  'reader.kinds.markdown',
  'reader.kinds.html',
  'reader.kinds.pdf',
  'reader.details.url',
  // Example search queries: an operation's code name and a query-language filter read the same in both.
  'search.examples.name.query',
  'search.examples.filter.query',
]);

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object') {
      for (const [k, v] of flatten(child, path)) out.set(k, v);
    } else {
      out.set(path, String(child));
    }
  }
  return out;
}

const resources = loadResources();
const strings = Object.fromEntries(
  SUPPORTED_LANGUAGES.map((language) => [language, flatten(resources[language]?.translation ?? {})]),
) as Record<(typeof SUPPORTED_LANGUAGES)[number], Map<string, string>>;

/** Plain keys, and plural bases with the categories present for each. */
function shape(keys: Iterable<string>) {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL_SUFFIX.exec(key);
    if (match?.[1]) {
      const base = key.slice(0, -match[0].length);
      const categories = plurals.get(base) ?? new Set<string>();
      categories.add(match[1]);
      plurals.set(base, categories);
    } else {
      plain.add(key);
    }
  }
  return { plain, plurals };
}

const categoriesOf = (language: string) =>
  new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[]);

/** What a string says once its {{placeholders}} are taken out: only letters count as text. */
const wording = (value: string) => value.replace(/\{\{[^}]*\}\}/g, '').replace(/[^\p{L}]/gu, '');

describe('locales', () => {
  it('has both languages, with Lithuanian plural categories one/few/many/other', () => {
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect([...categoriesOf('lt')].sort()).toEqual(['few', 'many', 'one', 'other']);
  });

  for (const [from, to] of [
    ['en', 'lt'],
    ['lt', 'en'],
  ] as const) {
    it(`every ${from} key exists in ${to}`, () => {
      const source = shape(strings[from].keys());
      const target = shape(strings[to].keys());
      const missing = [...source.plain].filter((key) => !target.plain.has(key));
      const missingPlurals = [...source.plurals.keys()].filter((base) => !target.plurals.has(base));
      expect(missing, `keys of ${from} missing in ${to}`).toEqual([]);
      expect(missingPlurals, `plural keys of ${from} missing in ${to}`).toEqual([]);
    });
  }

  for (const language of SUPPORTED_LANGUAGES) {
    it(`${language} plural keys carry exactly the plural categories of ${language}`, () => {
      const needed = categoriesOf(language);
      const wrong: string[] = [];
      for (const [base, categories] of shape(strings[language].keys()).plurals) {
        const missing = [...needed].filter((category) => !categories.has(category));
        const extra = [...categories].filter((category) => !needed.has(category));
        if (missing.length || extra.length) {
          wrong.push(`${base}: missing [${missing.join(', ')}] extra [${extra.join(', ')}]`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${language} keeps every {{placeholder}} of the English string`, () => {
      const placeholders = (value: string) => [...value.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
      const wrong: string[] = [];
      for (const [key, value] of strings[language]) {
        const base = key.replace(PLURAL_SUFFIX, '');
        const english = strings.en.get(key) ?? strings.en.get(`${base}_other`);
        if (english === undefined) continue;
        // A singular form may spell out "one" instead of printing {{count}}.
        const need = placeholders(english).filter((name) => name !== 'count' || !key.endsWith('_one'));
        const have = new Set(placeholders(value));
        const lost = need.filter((name) => !have.has(name));
        if (lost.length) wrong.push(`${key}: lacks {{${lost.join('}}, {{')}}}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('translates every Lithuanian string that has words, except the listed names and codes', () => {
    const untranslated = [...strings.lt]
      .filter(([key, value]) => strings.en.get(key) === value && wording(value).length > 1)
      .map(([key]) => key)
      .filter((key) => !IDENTICAL_ALLOWED.has(key));
    expect(untranslated).toEqual([]);
  });

  it('lists only allowed identical strings that exist and are still identical', () => {
    const stale = [...IDENTICAL_ALLOWED].filter((key) => strings.lt.get(key) !== strings.en.get(key));
    expect(stale).toEqual([]);
  });
});
