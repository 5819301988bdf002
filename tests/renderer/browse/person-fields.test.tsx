import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '@shared/collection/schema';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import { PersonFields, familiesByCase } from '../../../src/renderer/src/browse/PersonFields';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { record } from './fixtures';

/** Invented people (test data, not history), shaped like rows of an imported registry. */
const provenance = (row: number) => ({
  collection: 'test-registry',
  file: 'test-registry.csv',
  row,
  importedAt: '2026-12-07T10:30:00.000Z',
});

const head = record({
  id: 'p-1',
  kind: 'person',
  title: 'Testaitis Jonas',
  summary: '',
  person: {
    surname: 'Testaitis',
    givenName: 'Jonas',
    birthDate: { text: '17.05.1897', edtf: '1897-05-17' },
    deathDate: { text: '1 8 9 9?', review: 'unparsed' },
    arrestDate: { text: '1870 (по другим данным - 1871)', edtf: '1870', alternatives: ['1871'] },
    deportationDate: { text: '1927', edtf: '1927' },
    birthPlace: 'Kauno aps., Vilkijos vls.',
    caseNumber: 'B-1',
    familyRole: 'šeimos galva',
    repression: { text: 'Ištremtas', types: ['deported'] },
    archivalReference: { archive: 'LYA', fond: 'F-1', opis: '1', delo: '23', sheet: '4' },
    listSource: { text: 'Test book, p. 5', page: '5' },
  },
  otherFields: [
    { header: 'Grįžo', value: '1956' },
    { header: 'Šaltinio pastaba', value: 'tikrinta' },
  ],
  provenance: provenance(2),
} as Partial<LoadedRecord> & Pick<LoadedRecord, 'id' | 'kind'>);

const daughter = record({
  id: 'p-2',
  kind: 'person',
  title: 'Testaitytė Ona',
  summary: '',
  person: { surname: 'Testaitytė', givenName: 'Ona', caseNumber: 'B-1', familyRole: 'duktė' },
  provenance: provenance(3),
} as Partial<LoadedRecord> & Pick<LoadedRecord, 'id' | 'kind'>);

const stranger = record({
  id: 'p-3',
  kind: 'person',
  title: 'Kitas Petras',
  summary: '',
  person: { surname: 'Kitas', caseNumber: 'B-2' },
  provenance: provenance(4),
} as Partial<LoadedRecord> & Pick<LoadedRecord, 'id' | 'kind'>);

const collection: LoadedCollection = {
  manifest: { id: 'test-registry', title: 'Test registry' } as Manifest,
  records: [head, daughter, stranger],
  bibliography: [],
  texts: [],
  integrity: { findings: [] } as unknown as LoadedCollection['integrity'],
};

const person = head as Extract<LoadedRecord, { kind: 'person' }>;

beforeAll(async () => {
  await initI18n('en');
});
afterEach(async () => {
  cleanup();
  await act(async () => {
    await i18next.changeLanguage('en');
  });
});

const field = (region: HTMLElement, label: string) => {
  const term = within(region).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
};

describe('PersonFields', () => {
  it('shows every field with its label, values verbatim, dates at their own precision', () => {
    render(<PersonFields collection={collection} record={person} />);
    const fields = screen.getByRole('region', { name: 'Registry entry' });
    expect(field(fields, 'Surname')).toBe('Testaitis');
    expect(field(fields, 'Given name')).toBe('Jonas');
    expect(field(fields, 'Place of birth')).toBe('Kauno aps., Vilkijos vls.');
    // The verbatim cell first, then its reading; a year stays a year (no invented day or month).
    expect(field(fields, 'Date of birth')).toBe('17.05.1897 (read as May 17, 1897)');
    expect(field(fields, 'Date of deportation')).toBe('1927');
    expect(field(fields, 'Date of arrest')).toBe(
      '1870 (по другим данным - 1871) (read as 1870) (by other accounts: 1871)',
    );
    expect(field(fields, 'Repression')).toBe('Ištremtas (deported)');
    expect(field(fields, 'Archive')).toBe('LYA');
    expect(field(fields, 'Fond')).toBe('F-1');
    expect(field(fields, 'Sheet')).toBe('4');
    expect(field(fields, 'Source')).toBe('Test book, p. 5');
  });

  it('keeps an unreadable date verbatim with a visible "needs review" mark', () => {
    render(<PersonFields collection={collection} record={person} />);
    const fields = screen.getByRole('region', { name: 'Registry entry' });
    expect(field(fields, 'Date of death')).toBe('1 8 9 9? needs review');
    expect(within(fields).getByText('needs review').getAttribute('title')).toMatch(/Kept exactly as written/);
  });

  it('shows other fields under their original headers, and the provenance', () => {
    render(<PersonFields collection={collection} record={person} />);
    const other = screen.getByRole('region', { name: 'Other columns of the source' });
    expect(field(other, 'Grįžo')).toBe('1956');
    expect(field(other, 'Šaltinio pastaba')).toBe('tikrinta');
    const where = screen.getByRole('region', { name: 'Where this record comes from' });
    expect(field(where, 'Collection')).toBe('Test registry');
    expect(field(where, 'File')).toBe('test-registry.csv');
    expect(field(where, 'Row in the file')).toBe('2');
    expect(field(where, 'Imported')).toContain('2026');
    expect(within(where).getByRole('button', { name: 'Cite this: Testaitis Jonas' })).toBeTruthy();
  });

  it('cites the list as the source with the row and page as the locator', async () => {
    HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    render(<PersonFields collection={collection} record={person} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cite this: Testaitis Jonas' }));
    const dialog = screen.getByRole('dialog', { name: 'Cite: Testaitis Jonas' });
    // citeproc compiles the style on first use.
    await within(dialog).findAllByText(/Test Registry.*row 2, p\. 5/i, {}, { timeout: 20_000 });
    expect(dialog.textContent).toContain('row 2, p. 5');
  }, 30_000);

  it('links the other members of the same family or case, and only them', () => {
    render(<PersonFields collection={collection} record={person} />);
    const family = screen.getByRole('region', { name: 'Same family or case file (B-1)' });
    const links = within(family).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Testaitytė Ona']);
    expect(links[0]?.getAttribute('href')).toContain('/browse/record/test-registry/p-2');
    expect(family.textContent).toContain('duktė');
    cleanup();
    render(
      <PersonFields collection={collection} record={daughter as Extract<LoadedRecord, { kind: 'person' }>} />,
    );
    const back = screen.getByRole('region', { name: 'Same family or case file (B-1)' });
    expect(within(back).getByRole('link').textContent).toBe('Testaitis Jonas');
  });

  it('groups people by case number', () => {
    const families = familiesByCase(collection.records);
    expect(families.get('B-1')?.map((r) => r.id)).toEqual(['p-1', 'p-2']);
    expect(families.get('B-2')?.map((r) => r.id)).toEqual(['p-3']);
  });

  it('renders labels and readings in Lithuanian, values as in the source', async () => {
    await act(async () => {
      await i18next.changeLanguage('lt');
    });
    render(<PersonFields collection={collection} record={person} />);
    const fields = screen.getByRole('region', { name: 'Registro įrašas' });
    expect(field(fields, 'Pavardė')).toBe('Testaitis');
    expect(field(fields, 'Gimimo data')).toBe('17.05.1897 (suprasta kaip 1897 m. gegužės 17 d.)');
    expect(field(fields, 'Ištrėmimo data')).toBe('1927');
    expect(field(fields, 'Mirties data')).toBe('1 8 9 9? reikia patikrinti');
    expect(field(fields, 'Represija')).toBe('Ištremtas (ištremtas (-a))');
    expect(screen.getByRole('region', { name: 'Ta pati šeima ar byla (B-1)' })).toBeTruthy();
    const where = screen.getByRole('region', { name: 'Iš kur šis įrašas' });
    expect(field(where, 'Eilutė faile')).toBe('2');
  });
});
