import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Item } from '@shared/photos/item';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { MetadataForm } from '../../../src/renderer/src/photos/MetadataForm';

const ref = (n: number) => ({ sha256: n.toString(16).padStart(64, '0'), page: 0 });
const item = (over: Partial<Item> = {}): Item => ({
  id: 'item-1',
  template: 'archival-file',
  title: 'delo 1',
  metadata: { fond: 'K-1' },
  fields: [],
  photos: [ref(1), ref(2)],
  createdAt: '2026-12-07T20:00:00.000Z',
  updatedAt: '2026-12-07T20:00:00.000Z',
  ...over,
});

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('item description form', () => {
  it('keeps what is typed when the item changes elsewhere, and takes changes while nothing is typed', () => {
    const onSave = vi.fn();
    const { rerender } = render(<MetadataForm item={item()} onSave={onSave} />);
    const fond = screen.getByRole('textbox', { name: 'Fond' }) as HTMLInputElement;
    // A reorder elsewhere while nothing is typed: the form follows (here, a merge filled opis).
    rerender(
      <MetadataForm
        item={item({ metadata: { fond: 'K-1', opis: '58' }, updatedAt: '2026-12-07T20:01:00.000Z' })}
        onSave={onSave}
      />,
    );
    expect((screen.getByRole('textbox', { name: 'Opis (inventory)' }) as HTMLInputElement).value).toBe('58');
    fireEvent.change(fond, { target: { value: 'K-2' } });
    rerender(
      <MetadataForm
        item={item({ photos: [ref(2), ref(1)], updatedAt: '2026-12-07T20:02:00.000Z' })}
        onSave={onSave}
      />,
    );
    expect(fond.value).toBe('K-2');
  });

  it('shows "Saved." after saving, and the reason when the date is not EDTF', async () => {
    const stored = item({ metadata: { fond: 'K-1', date: '1949' }, updatedAt: '2026-12-07T20:05:00.000Z' });
    const onSave = vi
      .fn()
      .mockResolvedValueOnce(stored)
      .mockRejectedValueOnce(new Error('metadata.date: is not an EDTF date'));
    render(<MetadataForm item={item()} onSave={onSave} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Date' }), { target: { value: '1949' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save description' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Date' }), { target: { value: 'spring 1949' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save description' }));
    expect((await screen.findByRole('alert')).textContent).toContain('is not an EDTF date');
  });
});
