import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyConflict, type ConflictRevision } from '@shared/sync/conflicts';
import type { SyncContent } from '@shared/sync/docs';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { ConflictCard } from '../../../src/renderer/src/sync/ConflictCard';
import { photoRef } from './fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

const version = (rev: string, author: string, title: string, delo: string): ConflictRevision => {
  const content: SyncContent = {
    type: 'item',
    author,
    item: {
      id: 'item-1',
      template: 'archival-file',
      title,
      metadata: { delo },
      fields: [],
      photos: [photoRef(1)],
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T11:00:00.000Z',
    },
  };
  return { rev, author, changedAt: '2026-12-01T11:00:00.000Z', content };
};

describe('ConflictCard for a photo item', () => {
  it('names the item, shows each version’s title and fields, and resolves only by keeping one', async () => {
    const conflict = classifyConflict('item:item-1', 'item-1', version('2-b', 'Ona', 'Byla 12', '12'), [
      version('2-a', 'Jonas', 'Byla 12a', '12a'),
    ]).conflict;
    if (!conflict) throw new Error('expected a conflict');
    const onResolve = vi.fn(async () => undefined);
    render(<ConflictCard conflict={conflict} onResolve={onResolve} />);
    const card = screen.getByRole('article', { name: 'An item edited on two machines: Byla 12' });
    const jonas = within(card).getByRole('region', { name: 'Version 2 by Jonas' });
    expect(jonas.textContent).toContain('Byla 12a\ndelo: 12a');
    expect(within(card).queryByRole('button', { name: 'Merge by hand' })).toBeNull();
    fireEvent.click(within(jonas).getByRole('button', { name: 'Keep this (Jonas)' }));
    await waitFor(() => expect(onResolve).toHaveBeenCalledWith({ rev: '2-a' }));
  });
});

describe('ConflictCard for an item link', () => {
  const linkVersion = (rev: string, author: string, page: number): ConflictRevision => ({
    rev,
    author,
    changedAt: '2026-12-01T11:00:00.000Z',
    content: {
      type: 'itemlink',
      author,
      link: {
        id: 'link-1',
        itemId: 'item-1',
        photo: photoRef(1, page),
        collectionId: 'lt-deportations-1940-1953',
        recordId: 'op-vesna',
        recordTitle: 'Operation Vesna',
        createdAt: '2026-12-01T10:00:00.000Z',
        updatedAt: '2026-12-01T11:00:00.000Z',
      },
    },
  });

  it('names the record, shows which sheet each version points to, and resolves only by keeping one', async () => {
    const conflict = classifyConflict('itemlink:link-1', 'link-1', linkVersion('2-b', 'Ona', 0), [
      linkVersion('2-a', 'Jonas', 3),
    ]).conflict;
    if (!conflict) throw new Error('expected a conflict');
    const onResolve = vi.fn(async () => undefined);
    render(<ConflictCard conflict={conflict} onResolve={onResolve} />);
    const card = screen.getByRole('article', {
      name: 'A link from an item to a record, changed on two machines: Operation Vesna',
    });
    const jonas = within(card).getByRole('region', { name: 'Version 2 by Jonas' });
    expect(jonas.textContent).toContain('p. 4');
    expect(within(card).queryByRole('button', { name: 'Merge by hand' })).toBeNull();
    fireEvent.click(within(jonas).getByRole('button', { name: 'Keep this (Jonas)' }));
    await waitFor(() => expect(onResolve).toHaveBeenCalledWith({ rev: '2-a' }));
  });
});

describe('ConflictCard for a saved search', () => {
  const searchVersion = (rev: string, author: string, name: string): ConflictRevision => ({
    rev,
    author,
    changedAt: '2026-12-01T10:00:00.000Z',
    content: { type: 'savedsearch', author, query: 'Vesna 1948', name, createdAt: 1_764_583_200_000 },
  });

  it('names the query, shows each version’s name, and resolves only by keeping one', async () => {
    const conflict = classifyConflict(
      'savedsearch:ab',
      'ab',
      searchVersion('2-b', 'Ona', 'Operation Vesna'),
      [searchVersion('2-a', 'Jonas', 'May 1948')],
    ).conflict;
    if (!conflict) throw new Error('expected a conflict');
    const onResolve = vi.fn(async () => undefined);
    render(<ConflictCard conflict={conflict} onResolve={onResolve} />);
    const card = screen.getByRole('article', { name: 'A saved search renamed on two machines: Vesna 1948' });
    const jonas = within(card).getByRole('region', { name: 'Version 2 by Jonas' });
    expect(jonas.textContent).toContain('May 1948\nVesna 1948');
    expect(within(card).queryByRole('button', { name: 'Merge by hand' })).toBeNull();
    fireEvent.click(within(jonas).getByRole('button', { name: 'Keep this (Jonas)' }));
    await waitFor(() => expect(onResolve).toHaveBeenCalledWith({ rev: '2-a' }));
  });
});
