import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '@shared/photos/item';
import { resetCitationPreferencesCache } from '../../../src/renderer/src/bibliography/preferences';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { CiteItem } from '../../../src/renderer/src/photos/CiteItem';

const ref = (n: number) => ({ sha256: n.toString(16).padStart(64, '0'), page: 0 });
// Example values only (what a user types from a finding aid), no historical claims.
const item: Item = {
  id: 'item-1',
  template: 'archival-file',
  title: 'Tremties byla',
  metadata: { archive: 'LYA', fond: 'K-1', opis: '58', delo: '12345', sheets: '12–40', date: '1948-05' },
  fields: [],
  photos: [ref(1), ref(2)],
  createdAt: '2026-12-08T01:00:00.000Z',
  updatedAt: '2026-12-08T01:00:00.000Z',
};

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  localStorage.clear();
  resetCitationPreferencesCache();
});
afterEach(cleanup);

describe('Cite this on an item', { timeout: 60_000 }, () => {
  it('offers the chosen CSL style beside the archival form, for the item and the chosen sheet', async () => {
    render(<CiteItem item={item} />);
    expect(screen.getByRole('status', { name: 'Item' }).textContent).toBe(
      'LYA, f. K-1, ap. 58, b. 12345, l. 12–40',
    );
    // Folded at first, so opening an item does not start the CSL worker.
    const csl = screen.getByText('In your citation style');
    const block = csl.parentElement as HTMLElement;
    expect(within(block).queryByRole('combobox', { name: /style/i })).toBeNull();
    fireEvent.click(csl);
    (block as HTMLDetailsElement).open = true;
    fireEvent(block, new Event('toggle'));
    // Chicago author-date (the default style) title-cases the title and capitalises "F." after a full stop.
    await within(block).findByText(
      /Tremties Byla.*F\. K-1, ap\. 58, b\. 12345, l\. 12–40\. LYA/,
      {},
      {
        timeout: 30_000,
      },
    );
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Photo number' }), { target: { value: '2' } });
    fireEvent.change(within(block).getByRole('combobox', { name: /style/i }), { target: { value: 'apa' } });
    await within(block).findByText(/LYA \(f\. K-1, ap\. 58, b\. 12345, l\. 13\)/, {}, { timeout: 30_000 });
    expect(within(block).getByRole('button', { name: 'Copy reference: This sheet' })).toBeTruthy();
  });
});
