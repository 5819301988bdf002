import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { runLinkage } from '@shared/linkage/run';
import type { Candidate, LinkRecord } from '@shared/linkage/types';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { DecisionsProvider } from '../../../src/renderer/src/linkage/DecisionsContext';
import { ReviewQueue } from '../../../src/renderer/src/linkage/ReviewQueue';
import { useDecisionList } from '../../../src/renderer/src/linkage/use-decision-list';
import { installFakeLayout } from '../fake-layout';
import { freshDatabase } from '../notes/fixtures';
import { fixtureRecords, LT, RU } from './fixture-records';

let restoreLayout: () => void = () => undefined;
let candidates: Candidate[] = [];
let records: Map<string, LinkRecord>;

beforeAll(async () => {
  await initI18n('en');
  restoreLayout = installFakeLayout({
    paneClass: 'linkage-queue-pane',
    paneHeight: 400,
    isRow: (element) => element.classList.contains('linkage-option'),
    rowHeight: 64,
  });
  const all = [...fixtureRecords('list-lt'), ...fixtureRecords('list-ru')];
  records = new Map(all.map((record) => [record.id, record]));
  candidates = (await runLinkage(all)).candidates;
});
afterAll(() => restoreLayout());
afterEach(cleanup);

const COLLECTIONS = [
  { id: LT, title: 'Lithuanian list' },
  { id: RU, title: 'Russian list' },
];

/** The queue as the view gives it: decisions loaded from the repository and reloaded on change. */
function Queue() {
  const decisions = useDecisionList();
  if (decisions.status !== 'ok') return null;
  return (
    <ReviewQueue
      candidates={candidates}
      records={records}
      decisions={decisions.value}
      collections={COLLECTIONS}
      autoFocus
    />
  );
}

function setup() {
  const repository = new DecisionsRepository(freshDatabase().db);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DecisionsProvider repository={repository}>{children}</DecisionsProvider>
  );
  render(<Queue />, { wrapper });
  return repository;
}

const queue = () => within(screen.getByRole('listbox', { name: 'Candidate pairs, highest score first' }));
const selectedOption = () => queue().getByRole('option', { selected: true });
const press = (key: string) =>
  fireEvent.keyDown(screen.getByRole('listbox', { name: 'Candidate pairs, highest score first' }), { key });

describe('the review queue', () => {
  it('shows the pairs by score and the selected one side by side with outcomes and weights', async () => {
    setup();
    const listbox = await screen.findByRole('listbox', { name: 'Candidate pairs, highest score first' });
    expect(document.activeElement).toBe(listbox);
    const options = within(listbox).getAllByRole('option');
    expect(options).toHaveLength(candidates.length);
    expect(options[0]?.textContent).toContain('Ona Vaitkevičienė (synthetic)');
    expect(selectedOption()).toBe(options[0]);
    // Only the pair at or above the threshold is marked as a proposal; the 13.8-bit ones are not.
    expect(options.map((option) => option.textContent?.includes('proposed'))).toEqual([true, false, false]);
    expect(screen.getByText(/^Proposed as the same person: it scores at least 14 bits/)).toBeTruthy();
    const table = screen.getByRole('table', { name: /compared with .*field by field/ });
    const surname = within(table).getByRole('row', { name: /^Surname/ });
    expect(surname.textContent).toContain('Vaitkevičienė');
    expect(surname.textContent).toContain('Вайткявичене');
    expect(surname.textContent).toMatch(/agrees \(.+\)/);
    expect(surname.textContent).toMatch(/\+\d+\.\d bits/);
    // A field only one record gives is said in words, not left blank.
    expect(table.textContent).toContain('not in both');
    expect(
      screen.getByRole('link', { name: 'Open the record page of Ona Vaitkevičienė (synthetic)' }),
    ).toBeTruthy();
  });

  it('decides by keyboard, announces it, moves to the next undecided pair, and undoes with z', async () => {
    const repository = setup();
    await screen.findByRole('listbox');
    const first = candidates[0] as Candidate;
    const second = candidates[1] as Candidate;
    await act(async () => press('s'));
    await waitFor(async () => expect((await repository.all()).length).toBe(1));
    const stored = (await repository.all())[0];
    expect(stored).toMatchObject({ a: first.a, b: first.b, decision: 'same', score: first.score });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Same person: .* Next: /));
    expect(selectedOption().textContent).toContain(records.get(second.a)?.title);

    await act(async () => press('d'));
    await waitFor(async () => expect((await repository.all()).length).toBe(2));
    expect((await repository.all()).find((d) => d.a === second.a)?.decision).toBe('different');

    await act(async () => press('z'));
    await waitFor(async () => expect((await repository.all()).length).toBe(1));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Undone/));
    expect(selectedOption().textContent).toContain(records.get(second.a)?.title);

    // j/k and arrows move; the "Undecided" filter hides the decided pair.
    await act(async () => press('k'));
    expect(selectedOption().textContent).toContain('Same person');
    fireEvent.change(screen.getByRole('combobox', { name: 'Decision' }), { target: { value: 'undecided' } });
    expect(queue().getAllByRole('option')).toHaveLength(candidates.length - 1);
  });

  it('keeps a note with the decision, n focusing the note field', async () => {
    const repository = setup();
    await screen.findByRole('listbox');
    await act(async () => press('n'));
    const note = screen.getByRole('textbox', { name: /Note \(optional\)/ });
    expect(document.activeElement).toBe(note);
    fireEvent.change(note, { target: { value: 'Same case file 4711.' } });
    // Letters typed into the note are text, not decisions.
    fireEvent.keyDown(note, { key: 's' });
    expect(await repository.all()).toEqual([]);
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(document.activeElement).toBe(
      screen.getByRole('listbox', { name: 'Candidate pairs, highest score first' }),
    );
    await act(async () => press('u'));
    await waitFor(async () => expect((await repository.all())[0]?.note).toBe('Same case file 4711.'));
    expect((await repository.all())[0]?.decision).toBe('unsure');
  });

  it('says so when the store refuses a decision, and keeps the pair selected', async () => {
    const repository = setup();
    await screen.findByRole('listbox');
    repository.decide = () => Promise.reject(new Error('the note is too long for a backup'));
    const before = selectedOption().textContent;
    await act(async () => press('s'));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'The decision was not saved: the note is too long for a backup',
      ),
    );
    expect(selectedOption().textContent).toBe(before);
    await act(async () => press('z'));
    expect(screen.getByRole('status').textContent).toBe('Nothing to undo.');
  });

  it('flags a pair whose records are in a same-person group with a contradiction', async () => {
    const repository = setup();
    await screen.findByRole('listbox');
    const [x, y] = [`${LT}/p1`, `${RU}/r1`];
    await act(async () => {
      await repository.decide({ a: x, b: y, decision: 'same', score: null });
      await repository.decide({ a: y, b: `${RU}/r5`, decision: 'same', score: null });
      await repository.decide({ a: x, b: `${RU}/r5`, decision: 'different', score: null });
    });
    await waitFor(() =>
      expect(
        queue()
          .getAllByRole('option')
          .some((o) => o.textContent?.includes('contradiction')),
      ).toBe(true),
    );
    const flagged = queue()
      .getAllByRole('option')
      .find((o) => o.textContent?.includes('contradiction'));
    if (!flagged) throw new Error('no flagged pair');
    fireEvent.click(flagged);
    expect(screen.getByText(/^Contradiction: these records are in a group/)).toBeTruthy();
  });
});
