// Dexie's liveQuery only runs where a global indexedDB exists; each test has its own database.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Invoke } from '@shared/ipc/contract';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import NotesView from '../../../src/renderer/src/views/NotesView';
import { notesSetup } from './notes-setup';

/** Passage notes open in the Reader from the Notes view, and the old reading pane's addresses lead there. */

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

function setup(path: string) {
  // No collection is installed: notes must still link to their passages.
  const { repository, wrapper: Notes } = notesSetup((async () => ({
    ok: false,
    error: { code: 'x', message: 'none here' },
  })) as unknown as Invoke);
  const location = memoryLocation({ path, record: true });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Notes>
      <Router hook={location.hook}>{children}</Router>
    </Notes>
  );
  const view = () => render(<Route path="/notes" nest component={NotesView} />, { wrapper });
  return { repository, location, view };
}

describe('passage links', () => {
  it('links a passage note in the Notes list to the Reader, at that note', async () => {
    const { repository, view } = setup('/notes');
    await repository.save({
      id: 'n-1',
      target: {
        kind: 'passage',
        collectionId: 'c',
        textId: 'overview',
        selectors: [
          { type: 'TextQuoteSelector', exact: 'quoted words', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 12 },
        ],
      },
      body: 'about the quote',
      tags: [],
      colour: 'yellow',
    });
    view();
    const link = await screen.findByRole('link', { name: 'overview' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/reader/c/overview/note/n-1');
    // The Notes view no longer has a reading pane of its own.
    expect(screen.queryByRole('link', { name: 'Highlight texts' })).toBeNull();
  });

  it.each([
    ['/notes/texts/c/overview/n-1', '/reader/c/overview/note/n-1'],
    ['/notes/texts/c%20d/over%2Fview/n%231', '/reader/c%20d/over%2Fview/note/n%231'],
    ['/notes/texts/c/overview', '/reader/c/overview'],
    ['/notes/texts', '/reader'],
    ['/notes/texts/c', '/reader'],
  ])('sends the old reading pane address %s to the Reader (%s)', async (old, reader) => {
    const { location, view } = setup(old);
    view();
    await waitFor(() => expect(location.history.at(-1)).toBe(reader));
    // Replaced, not added: Back does not bounce through the old address.
    expect(location.history).toHaveLength(1);
  });
});
