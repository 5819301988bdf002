import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_EQUIVALENCES, EquivalenceTable, parseGazetteer } from '@shared/search/equivalences';
import { fold } from '@shared/search/fold';

const dir = resolve(import.meta.dirname, '../../../resources/gazetteer');
const folded = (forms: string[]) => forms.map((form) => fold(form));
const read = (file: string): unknown => JSON.parse(readFileSync(resolve(dir, file), 'utf8'));

describe('bundled gazetteer', () => {
  it('is valid, and every entry says where it comes from', () => {
    for (const file of ['places.json', 'given-names.json']) {
      const json = read(file) as { places?: { source: unknown }[]; names?: { source: unknown }[] };
      expect(parseGazetteer(json, file).length).toBeGreaterThan(20);
      for (const entry of json.places ?? json.names ?? []) {
        // Nothing in the bundled sources attests these equivalences: every entry says so plainly.
        expect(entry.source).toEqual({
          status: 'unverified',
          note: 'Compiled by the Atmintis editors from general knowledge; awaits checking against a published gazetteer.',
        });
      }
    }
  });

  it('holds the forms the issue names', () => {
    const table = new EquivalenceTable(BUNDLED_EQUIVALENCES);
    // The words each form folds to (Vilna and Вильна are one word once folded).
    const forms = (word: string) => [...table.equivalentsOf(word).keys()];
    expect(forms('vilnius')).toEqual(
      expect.arrayContaining(folded(['Вильно', 'Wilno', 'Vilna', 'Vilne', 'ווילנע'])),
    );
    expect(forms('kaunas')).toEqual(expect.arrayContaining(folded(['Ковно', 'Kowno', 'Kovne', 'Kauen'])));
    expect(forms('ukmerge')).toEqual(expect.arrayContaining(folded(['Вилькомир', 'Wiłkomierz'])));
    expect(forms('shiauliai')).toEqual(expect.arrayContaining(folded(['Шавли', 'Szawle', 'Schaulen'])));
    expect(forms('yonas')).toEqual(expect.arrayContaining(folded(['Иван', 'Jan', 'Johann', 'Иванович'])));
    expect(forms('yuozas')).toEqual(expect.arrayContaining(folded(['Иосиф', 'Józef'])));
    expect(forms('antanas')).toEqual(expect.arrayContaining(folded(['Антон', 'Antoni'])));
    expect(forms('yurgis')).toEqual(
      expect.arrayContaining(folded(['Юрий', 'Георгий', 'Jerzy', 'Юрьевич', 'Юрьевна'])),
    );
  });

  it('drops the generic words of a form (губерния, uezd)', () => {
    const table = new EquivalenceTable(BUNDLED_EQUIVALENCES);
    expect(table.equivalentsOf('guberniya').size).toBe(0);
    expect([...table.equivalentsOf('vilenskaya').values()].map((e) => e.form)).toContain('gubernia wileńska');
  });
});

describe('parseGazetteer', () => {
  it('names the file, the entry and the field at fault', () => {
    const bad = {
      format: 'atmintis-gazetteer',
      version: 1,
      kind: 'places',
      places: [
        {
          id: 'x',
          name: 'X',
          type: 'town',
          forms: [{ form: 'Y', lang: 'ru' }],
          source: { status: 'sourced' },
        },
      ],
    };
    expect(() => parseGazetteer(bad, 'my-places.json')).toThrow(
      /^my-places\.json: places\.0\.source\.source: an entry marked "sourced" names its source/,
    );
  });
});
