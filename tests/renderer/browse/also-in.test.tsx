import { act, cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '@shared/collection/schema';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import type { Invoke } from '@shared/ipc/contract';
import { AlsoIn } from '../../../src/renderer/src/browse/AlsoIn';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { DecisionsProvider } from '../../../src/renderer/src/linkage/DecisionsContext';
import { notesSetup } from '../notes/notes-setup';
import { record } from './fixtures';
import { withRecordChannels } from '../record-channels';

/** Invented people in two invented lists (test data, not history). */
const person = (id: string, title: string, fields: Record<string, unknown>) =>
  record({ id, kind: 'person', title, summary: '', person: fields } as Partial<LoadedRecord> &
    Pick<LoadedRecord, 'id' | 'kind'>);

const list = (id: string, title: string, records: LoadedRecord[]): LoadedCollection => ({
  manifest: { id, title } as Manifest,
  records,
  bibliography: [],
  texts: [],
  integrity: { findings: [] } as unknown as LoadedCollection['integrity'],
});

const orders = list('orders', 'Test orders', [
  person('1', 'Testaitis Jonas', { surname: 'Testaitis', givenName: 'Jonas', birthDate: { text: '1901' } }),
  person('2', 'Testaitis Petras', { surname: 'Testaitis', givenName: 'Petras' }),
]);
const echelon = list('echelon', 'Test echelon list', [
  person('7', 'Тестайтис Ионас', { surname: 'Тестайтис', givenName: 'Ионас', birthDate: { text: '1902' } }),
  person('8', 'Testaitis J.', { surname: 'Testaitis', givenName: 'J.' }),
]);

function setup() {
  const invoke = (async (channel: string, request: { collectionId?: string }) => {
    if (channel === 'collections.get' && request.collectionId === 'echelon')
      return { ok: true, value: echelon };
    if (channel === 'collections.get') return { ok: false, error: { code: 'not-found', message: 'no such' } };
    return { ok: true, value: { written: false, retryAfter: new Date().toISOString() } };
  }) as unknown as Invoke;
  // Channels as the component asks for them (the record channels are answered from collections.get).
  const calls: string[] = [];
  const answering = withRecordChannels(invoke);
  const { repository, wrapper: Notes } = notesSetup(((channel: string, request: unknown) => {
    calls.push(channel);
    return (answering as (c: string, r: unknown) => Promise<unknown>)(channel, request);
  }) as Invoke);
  const decisions = new DecisionsRepository(repository.db);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Notes>
      <DecisionsProvider repository={decisions}>{children}</DecisionsProvider>
    </Notes>
  );
  return { wrapper, decisions, calls };
}

const shown = (record: LoadedRecord, wrapper: ReturnType<typeof setup>['wrapper']) =>
  render(<AlsoIn collection={orders} record={record} />, { wrapper });

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('"Also in" on a record page', () => {
  it('shows nothing for a record without decisions', async () => {
    const { wrapper } = setup();
    shown(orders.records[1] as LoadedRecord, wrapper);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('region', { name: 'Also in' })).toBeNull();
  });

  it('lists the linked records with their collection and the fields that differ, and reloads on a decision', async () => {
    const { wrapper, decisions } = setup();
    await decisions.decide({ a: 'orders/1', b: 'echelon/7', decision: 'same', score: 18 });
    shown(orders.records[0] as LoadedRecord, wrapper);
    const region = await screen.findByRole('region', { name: 'Also in' });
    const linked = within(region).getByRole('list', { name: 'Records of the same person' });
    expect(within(linked).getByRole('link', { name: 'Тестайтис Ионас' }).getAttribute('href')).toContain(
      'echelon',
    );
    expect(linked.textContent).toContain('(Test echelon list)');
    const table = within(region).getByRole('table', { name: 'Where the sources differ' });
    const row = (label: string) => {
      const found = within(table)
        .getAllByRole('row')
        .find((candidate) => within(candidate).queryByRole('rowheader', { name: label }));
      return [...(found?.children ?? [])].map((cell) => cell.textContent);
    };
    expect(row('Surname')).toEqual(['Surname', 'Testaitis', 'Тестайтис']);
    expect(row('Date of birth')).toEqual(['Date of birth', '1901', '1902']);

    // A later decision joins echelon/8 to the group (transitively) and says it is not orders/1.
    await act(async () => {
      await decisions.decide({ a: 'echelon/7', b: 'echelon/8', decision: 'same', score: 15 });
      await decisions.decide({ a: 'orders/1', b: 'echelon/8', decision: 'different', score: 3 });
    });
    expect(await within(region).findByText('Contradiction')).toBeTruthy();
    expect(region.textContent).toMatch(
      /you decided that Testaitis J\. \(Test echelon list\) and Testaitis Jonas \(Test orders\) are different people/,
    );
    expect(within(linked).getByRole('link', { name: 'Testaitis J.' })).toBeTruthy();
  });

  it('asks only for the linked records of another collection, never the whole collection', async () => {
    const { wrapper, decisions, calls } = setup();
    await decisions.decide({ a: 'orders/1', b: 'echelon/7', decision: 'same', score: 18 });
    shown(orders.records[0] as LoadedRecord, wrapper);
    const region = await screen.findByRole('region', { name: 'Also in' });
    expect(within(region).getByRole('link', { name: 'Тестайтис Ионас' })).toBeTruthy();
    expect(calls).toContain('collections.getRecords');
    expect(calls).not.toContain('collections.get');
  });

  it('lists "not the same person" decisions quietly, apart from the linked records', async () => {
    const { wrapper, decisions } = setup();
    await decisions.decide({ a: 'orders/1', b: 'orders/2', decision: 'different', score: 9 });
    shown(orders.records[0] as LoadedRecord, wrapper);
    const region = await screen.findByRole('region', { name: 'Also in' });
    expect(within(region).queryByRole('list', { name: 'Records of the same person' })).toBeNull();
    expect(region.textContent).toContain('Decided not the same person as:');
    expect(within(region).getByRole('link', { name: 'Testaitis Petras' })).toBeTruthy();
  });
});
