import { describe, expect, it } from 'vitest';
import { parseDelimited, previewDelimited } from '@shared/import/delimited';
import { ErrorList } from '@shared/import/errors';

describe('previewDelimited', () => {
  it('detects semicolons, tabs and commas, and a header row', () => {
    expect(previewDelimited('Name;Born\nOna;1901\nJonas;1899\n')).toMatchObject({
      delimiter: ';',
      header: true,
      columns: ['Name', 'Born'],
      rows: [
        ['Ona', '1901'],
        ['Jonas', '1899'],
      ],
    });
    expect(previewDelimited('Vardas\tGimimo metai\nOna\t1901\n').delimiter).toBe('\t');
    expect(previewDelimited('a,b\nc,d\n').delimiter).toBe(',');
  });

  it('sees no header when the first row is data, and names columns by number', () => {
    const preview = previewDelimited('Ona Kazlauskienė,1901\nJonas Petraitis,1899\n');
    expect(preview.header).toBe(false);
    expect(preview.columns).toEqual(['column 1', 'column 2']);
    expect(preview.rows).toHaveLength(2);
  });

  it('lets the user override the detection', () => {
    const preview = previewDelimited('Name;Born\nOna;1901\n', { delimiter: ',', header: false });
    expect(preview).toMatchObject({ delimiter: ',', header: false, columns: ['column 1'] });
  });
});

describe('parseDelimited', () => {
  const parse = (text: string, header = true) => {
    const errors = new ErrorList(50);
    const rows: { row: number; cells: string[] }[] = [];
    const summary = parseDelimited(text, {
      delimiter: ',',
      header,
      errors,
      file: 'f.csv',
      chunkChars: 16,
      onRows: (batch) => void rows.push(...batch),
    });
    return { summary, rows, errors: errors.list() };
  };

  it('numbers rows across chunks, skipping blank lines but counting them', () => {
    const { rows, summary, errors } = parse('Name,Born\nOna,1901\n\n"Petraitis, Jonas",1899\n');
    expect(errors).toEqual([]);
    expect(summary.columns).toEqual(['Name', 'Born']);
    expect(rows).toEqual([
      { row: 2, cells: ['Ona', '1901'] },
      { row: 4, cells: ['Petraitis, Jonas', '1899'] },
    ]);
  });

  it('reports every ragged row with its row number', () => {
    const { errors, rows } = parse('Name,Born\nOna\nJonas,1899\nPetras,1900,extra\n');
    expect(rows.map((r) => r.row)).toEqual([3]);
    expect(errors).toEqual([
      {
        file: 'f.csv',
        row: 2,
        code: 'ragged-row',
        params: { cells: 1, expected: 2 },
        reason: '1 cells but the header has 2 (ragged row; check the delimiter and quotes)',
      },
      {
        file: 'f.csv',
        row: 4,
        code: 'ragged-row',
        params: { cells: 3, expected: 2 },
        reason: '3 cells but the header has 2 (ragged row; check the delimiter and quotes)',
      },
    ]);
  });

  it('reports an unclosed quote', () => {
    const { errors } = parse('Name,Born\n"Ona,1901\n');
    expect(errors[0]).toMatchObject({ file: 'f.csv', reason: expect.stringMatching(/malformed quoting/) });
  });
});
