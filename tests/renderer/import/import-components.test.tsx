import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportError } from '@shared/import/errors';
import { ErrorList } from '@shared/import/errors';
import { fateOf, type ColumnMapping } from '@shared/import/mapping';
import { ColumnFates, withFate } from '../../../src/renderer/src/import/ColumnFates';
import { cut, describeImportError } from '../../../src/renderer/src/import/error-text';
import { ImportErrors } from '../../../src/renderer/src/import/ImportErrors';
import { SavedMappings } from '../../../src/renderer/src/import/SavedMappings';
import { SAVED_MAPPINGS_KEY, loadSavedMappings } from '../../../src/renderer/src/import/saved-mappings';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => localStorage.clear());
afterEach(async () => {
  cleanup();
  await act(async () => {
    await i18next.changeLanguage('en');
  });
});

const ragged = (row: number): ImportError => ({
  file: 'list.csv',
  row,
  code: 'ragged-row',
  params: { cells: 2, expected: 3 },
  reason: '2 cells but the header has 3 (ragged row; check the delimiter and quotes)',
});

describe('ImportErrors', () => {
  it('counts listed and unlisted problems alike, so the heading and "…and N more" add up', () => {
    const list = new ErrorList(200);
    for (let row = 2; row < 2 + 279; row++) list.add(ragged(row));
    render(<ImportErrors errors={list.list()} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('279 problems');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(200);
    expect(alert.textContent).toContain('…and 79 more problems, not listed.');
    // 200 list items in jsdom on a busy machine.
  }, 20_000);

  it('renders coded errors in Lithuanian, with no English left in them', async () => {
    await act(async () => {
      await i18next.changeLanguage('lt');
    });
    render(<ImportErrors errors={[ragged(3)]} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Importuoti nepavyko; niekas neišsaugota. 1 problema:');
    expect(within(alert).getByRole('listitem').textContent).toBe(
      'list.csv, 3 eilutė: langelių: 2, o antraštėje jų 3 (nelygi eilutė; patikrinkite skirtuką ir kabutes)',
    );
  });

  it('cuts long quoted values with an ellipsis', () => {
    const long = 'Ж'.repeat(200);
    expect(cut(long)).toHaveLength(60);
    expect(cut(long).endsWith('…')).toBe(true);
    expect(cut('short')).toBe('short');
    const text = describeImportError(
      { row: 2, code: 'duplicate-id', params: { id: long, earlier: 1 }, reason: 'dup' },
      i18next.t,
    );
    expect(text).toContain(`"${'Ж'.repeat(59)}…"`);
  });

  it('falls back to the English reason for an error without a code', () => {
    expect(describeImportError({ reason: 'records/part-00001.json: duplicate id' }, i18next.t)).toBe(
      'records/part-00001.json: duplicate id',
    );
  });
});

const COLUMNS = ['№', 'ФИО', 'Год рождения', 'Сведения'];
const ROWS = [
  ['1', 'Петрайтис Юрий', 'в июле 1907', 'литовец'],
  ['2', 'Янкаускас Иосиф', '17.05.1897', ''],
];

function Harness({ initial }: { initial: ColumnMapping }) {
  const [mapping, setMapping] = useState(initial);
  return (
    <>
      <ColumnFates columns={COLUMNS} rows={ROWS} mapping={mapping} onChange={setMapping} />
      <output data-testid="mapping">{JSON.stringify(mapping)}</output>
    </>
  );
}

const mappingShown = () => JSON.parse(screen.getByTestId('mapping').textContent ?? '{}') as ColumnMapping;

describe('ColumnFates', () => {
  const initial: ColumnMapping = {
    id: '№',
    fields: { ФИО: 'fullName', 'Год рождения': 'birthDate' },
    altNames: [],
    exclude: [],
  };

  it('lists every column with its fate; an unmapped column is kept as an other field', () => {
    render(<Harness initial={initial} />);
    expect(screen.getAllByRole('row')).toHaveLength(1 + COLUMNS.length);
    const fate = (column: string) =>
      (screen.getByRole('combobox', { name: `What happens to column “${column}”` }) as HTMLSelectElement)
        .value;
    expect(fate('№')).toBe('id');
    expect(fate('ФИО')).toBe('field:fullName');
    expect(fate('Год рождения')).toBe('field:birthDate');
    expect(fate('Сведения')).toBe('other');
    expect(screen.getByRole('row', { name: /Сведения/ }).textContent).toContain('литовец');
  });

  it('maps any column to any field, or excludes it explicitly', () => {
    render(<Harness initial={initial} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'What happens to column “Сведения”' }), {
      target: { value: 'field:nationality' },
    });
    expect(mappingShown().fields['Сведения']).toBe('nationality');
    fireEvent.change(screen.getByRole('combobox', { name: 'What happens to column “Год рождения”' }), {
      target: { value: 'excluded' },
    });
    const next = mappingShown();
    expect(next.exclude).toEqual(['Год рождения']);
    expect(next.fields['Год рождения']).toBeUndefined();
    expect(screen.getByText('Its values will not be stored.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'What happens to column “№”' }), {
      target: { value: 'other' },
    });
    expect(mappingShown().id).toBeUndefined();
  });

  it('shows how the sex column reads one-letter codes, and lets the user choose', () => {
    render(<Harness initial={initial} />);
    const codes = () =>
      screen.queryByRole('combobox', { name: 'How one-letter codes in “Сведения” are read' });
    expect(codes()).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'What happens to column “Сведения”' }), {
      target: { value: 'field:sex' },
    });
    expect((codes() as HTMLSelectElement).value).toBe('common');
    fireEvent.change(codes() as HTMLSelectElement, { target: { value: 'lithuanian' } });
    expect(mappingShown().sexCodes).toBe('lithuanian');
    expect((codes() as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'V = male, M = female (Lithuanian: vyras, moteris)',
    );
  });

  it('gives a column exactly one fate', () => {
    let mapping = withFate(initial, 'ФИО', 'altName');
    mapping = withFate(mapping, 'ФИО', 'excluded');
    expect(fateOf(mapping, 'ФИО')).toEqual({ kind: 'excluded' });
    expect(mapping.altNames).toEqual([]);
    expect(mapping.fields['ФИО']).toBeUndefined();
  });
});

describe('SavedMappings', () => {
  it('saves a mapping and offers it for the next file with the same headers', () => {
    const mapping: ColumnMapping = { fields: { ФИО: 'fullName' }, altNames: [], exclude: ['Сведения'] };
    let used: ColumnMapping | null = null;
    render(
      <SavedMappings columns={COLUMNS} mapping={mapping} defaultName="Memorial" onUse={() => undefined} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save this mapping' }));
    expect(screen.getByRole('status').textContent).toContain('Saved as “Memorial”');
    expect(loadSavedMappings().map((m) => m.name)).toEqual(['Memorial']);
    cleanup();
    render(
      <SavedMappings
        columns={[' фио ', '№', 'Год рождения', 'Сведения']}
        mapping={{ fields: {}, altNames: [], exclude: [] }}
        defaultName="next"
        onUse={(m) => (used = m)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use “Memorial”' }));
    expect(used).toEqual({ fields: { ' фио ': 'fullName' }, altNames: [], exclude: ['Сведения'] });
  });

  it('reads a damaged store as no saved mappings', () => {
    localStorage.setItem(SAVED_MAPPINGS_KEY, '{not json');
    expect(loadSavedMappings()).toEqual([]);
  });
});
