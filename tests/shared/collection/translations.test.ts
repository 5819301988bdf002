/** Localized collection text: optional translations of records, claims, the manifest and texts. */
import { describe, expect, it } from 'vitest';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { validateCollection } from '@shared/collection/validate';
import { MINIMAL_FIXTURE, readPackageFiles } from './package-files';

const base = readPackageFiles(MINIMAL_FIXTURE);

// Mutations poke at arbitrary places of parsed JSON; typing each path would only obscure the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonTree = any;

function validateWith(edits: Record<string, (json: JsonTree) => void>, extra: Record<string, string> = {}) {
  const files = new Map(base);
  for (const [file, mutate] of Object.entries(edits)) {
    const json = JSON.parse(files.get(file) ?? 'null');
    mutate(json);
    files.set(file, JSON.stringify(json, null, 2));
  }
  for (const [file, contents] of Object.entries(extra)) files.set(file, contents);
  return validateCollection(files);
}
const errorsOf = (result: ReturnType<typeof validateCollection>): string[] =>
  result.ok ? [] : result.errors.map((error: CollectionError) => formatCollectionError(error));

describe('localized collection text', () => {
  it('loads Lithuanian titles, summaries, claim labels, the manifest text and a translated text', () => {
    const result = validateWith(
      {
        'records/events.json': (j) => {
          j[0].translations = {
            lt: {
              title: 'Operacija „Alfa“',
              summary: 'Išgalvota operacija, kėlusi žmones į [Šiaurę](record:place-north).',
            },
          };
          j[0].claims[0].translations = { lt: { counts: 'perkelti žmonės' } };
        },
        'manifest.json': (j) => {
          j.translations = { lt: { title: 'Mažas bandomasis rinkinys', description: 'Išgalvoti duomenys.' } };
          j.texts.push({
            id: 'intro-lt',
            title: 'Įvadas',
            file: 'texts/intro.lt.md',
            language: 'lt',
            translationOf: 'intro',
          });
        },
      },
      { 'texts/intro.lt.md': 'Išgalvotas įvadas.' },
    );
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    const alpha = result.collection.records.find((r) => r.id === 'ev-alpha');
    expect(alpha?.translations?.lt?.title).toBe('Operacija „Alfa“');
    expect(alpha?.claims[0]?.translations?.lt?.counts).toBe('perkelti žmonės');
    expect(result.collection.manifest.translations?.lt?.title).toBe('Mažas bandomasis rinkinys');
    expect(result.collection.texts.find((t) => t.id === 'intro-lt')).toMatchObject({
      language: 'lt',
      translationOf: 'intro',
    });
  });

  it('refuses unknown languages, unknown fields and empty text, naming the field', () => {
    const errors = errorsOf(
      validateWith({
        'records/events.json': (j) => {
          j[0].translations = { de: { title: 'Operation Alpha' }, lt: { title: ' ', colour: 'raudona' } };
        },
      }),
    );
    expect(errors.join('\n')).toContain('record "ev-alpha" › translations.de');
    expect(errors.join('\n')).toContain('record "ev-alpha" › translations.lt.title');
    expect(errors.join('\n')).toContain('record "ev-alpha" › translations.lt.colour');
  });

  it('checks the links of a translated summary like those of the summary', () => {
    const errors = errorsOf(
      validateWith({
        'records/events.json': (j) => {
          j[0].translations = { lt: { summary: 'Į [Šiaurę](record:place-nowhere).' } };
        },
      }),
    );
    expect(errors).toEqual([
      'records/events.json › record "ev-alpha" › translations.lt.summary: link "[Šiaurę](record:place-nowhere)" points to no record "place-nowhere"',
    ]);
  });

  it.each([
    ['a missing text', 'outro', 'lt', 'no text "outro" in the manifest'],
    ['itself', 'intro-lt', 'lt', 'a text cannot be a translation of itself'],
    ['a text in the same language', 'intro', 'en', '"intro" is already in language "en"'],
  ])('refuses a text that translates %s', (_name, translationOf, language, message) => {
    const errors = errorsOf(
      validateWith(
        {
          'manifest.json': (j) => {
            j.texts.push({
              id: 'intro-lt',
              title: 'Įvadas',
              file: 'texts/intro.lt.md',
              language,
              translationOf,
            });
          },
        },
        { 'texts/intro.lt.md': 'Įvadas.' },
      ),
    );
    expect(errors).toEqual([`manifest.json › texts[1].translationOf: ${message}`]);
  });
});
