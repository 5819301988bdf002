import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from '@shared/import/mapping';
import { compileMapping, rowToPerson } from '@shared/import/row-to-person';
import { inferSexCodes, readSexCode } from '@shared/import/sex-codes';
import { suggestMapping } from '@shared/import/suggest';

describe('one-letter sex codes', () => {
  it('reads M as female in a Lithuanian list and as male elsewhere; words mean the same everywhere', () => {
    expect(readSexCode('M', 'lithuanian')).toBe('female');
    expect(readSexCode('m.', 'lithuanian')).toBe('female');
    expect(readSexCode('V', 'lithuanian')).toBe('male');
    expect(readSexCode('M', 'common')).toBe('male');
    for (const system of ['lithuanian', 'common'] as const) {
      expect(readSexCode('М', system)).toBe('male'); // Cyrillic: мужской
      expect(readSexCode('Ж', system)).toBe('female');
      expect(readSexCode('moteris', system)).toBe('female');
      expect(readSexCode('vyras', system)).toBe('male');
      expect(readSexCode('K', system)).toBe('female');
      expect(readSexCode('kobieta', system)).toBe('female');
      expect(readSexCode('männlich', system)).toBe('male');
      expect(readSexCode('?', system)).toBeUndefined();
    }
  });

  it('infers the system from the values first, then from the header', () => {
    expect(inferSexCodes('Sex', ['V', 'M', 'M'])).toBe('lithuanian');
    expect(inferSexCodes('Lytis', ['M', 'F', 'M'])).toBe('common');
    expect(inferSexCodes('Płeć', ['M', 'K'])).toBe('common');
    expect(inferSexCodes('Lytis', ['M', 'M'])).toBe('lithuanian');
    expect(inferSexCodes('Пол', ['М', 'Ж'])).toBe('common');
    expect(inferSexCodes('Sex', [])).toBe('common');
  });

  it('suggests the system with the sex column, and the user can choose the other one', () => {
    const columns = ['Pavardė', 'Lytis'];
    const rows = [
      ['Kazlauskas', 'V'],
      ['Kazlauskienė', 'M'],
    ];
    const suggested = columnMappingSchema.parse(suggestMapping(columns, rows).mapping);
    expect(suggested.sexCodes).toBe('lithuanian');
    const read = (mapping: typeof suggested) =>
      rows.map((cells, i) => {
        const result = rowToPerson(cells, compileMapping(mapping, columns), { row: i + 2 });
        if (!result.ok) throw new Error('row refused');
        return result.record.person?.sex;
      });
    expect(read(suggested)).toEqual([
      { text: 'V', value: 'male' },
      { text: 'M', value: 'female' },
    ]);
    // The cell text is kept as written whichever reading the user picks.
    expect(read({ ...suggested, sexCodes: 'common' })[1]).toEqual({ text: 'M', value: 'male' });
  });

  it('reads a saved mapping without the choice by the column header', () => {
    const mapping = columnMappingSchema.parse({ fields: { Pavardė: 'surname', Lytis: 'sex' } });
    expect(compileMapping(mapping, ['Pavardė', 'Lytis']).sexCodes).toBe('lithuanian');
    const english = columnMappingSchema.parse({ fields: { Name: 'fullName', Sex: 'sex' } });
    expect(compileMapping(english, ['Name', 'Sex']).sexCodes).toBe('common');
    expect(() => columnMappingSchema.parse({ fields: {}, sexCodes: 'martian' })).toThrow();
  });
});
