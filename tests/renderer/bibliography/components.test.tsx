import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CslItem } from '@shared/collection/schema';
import type { AtmintisApi } from '@shared/ipc/api';
import { CiteButton } from '../../../src/renderer/src/bibliography/CiteThis';
import { sanitizeCitationHtml } from '../../../src/renderer/src/bibliography/FormattedHtml';
import {
  LOCALE_STORAGE_KEY,
  STYLE_STORAGE_KEY,
  getCitationPreferences,
  resetCitationPreferencesCache,
  setCitationPreferences,
} from '../../../src/renderer/src/bibliography/preferences';
import { saveExport } from '../../../src/renderer/src/api/save-file';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';

const BIBLIOGRAPHY: CslItem[] = [
  {
    id: 'anusauskas2012',
    type: 'book',
    author: [{ family: 'Anušauskas', given: 'A.' }],
    title: 'Teroras, 1940–1958',
    publisher: 'Versus Aureus',
    'publisher-place': 'Vilnius',
    issued: { 'date-parts': [[2012]] },
  },
  {
    id: 'bugai1992',
    type: 'book',
    author: [{ family: 'Bugai' }],
    issued: { 'date-parts': [[1992]] },
    'atmintis-incomplete': ['title'],
  },
  {
    id: 'balkelis2026',
    type: 'post-weblog',
    author: [{ family: 'Balkelis', given: 'Tomas' }],
    title: 'The Mass Deportations of Lithuanians during the Two Soviet Occupations',
    'container-title': 'Researching Internal Displacement',
    issued: { 'date-parts': [[2026, 1, 8]] },
  },
];

// jsdom has <dialog> without its modal methods; these stand in for the browser's.
beforeAll(async () => {
  await initI18n('en');
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

beforeEach(() => {
  localStorage.clear();
  resetCitationPreferencesCache();
});
afterEach(cleanup);

describe('CiteButton', () => {
  it('opens a labelled dialog citing the claim at its page, copies, and returns focus on close', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <CiteButton
        collection={{ bibliography: BIBLIOGRAPHY }}
        references={[{ source: 'anusauskas2012', locator: 'p. 266', via: 'balkelis2026' }]}
        subject="Test claim"
      />,
    );
    const button = screen.getByRole('button', { name: 'Cite this: Test claim' });
    fireEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Cite: Test claim' });
    // citeproc compiles the style on first use.
    await within(dialog).findByText(
      '(Anušauskas 2012, 266; cited in Balkelis 2026)',
      {},
      { timeout: 20_000 },
    );
    within(dialog).getByText('Anušauskas, A. 2012.', { exact: false });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy citation' }));
    await within(dialog).findByText('Copied.');
    expect(writeText).toHaveBeenCalledWith('(Anušauskas 2012, 266; cited in Balkelis 2026)');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  }, 30_000);

  it('marks a reference whose title is unknown, in English and in Lithuanian, and no complete one', async () => {
    const open = async (name: string) => {
      render(
        <CiteButton
          collection={{ bibliography: BIBLIOGRAPHY }}
          references={[{ source: 'bugai1992', locator: 'p. 205', via: 'anusauskas2012' }]}
          subject="Test figure"
        />,
      );
      fireEvent.click(screen.getByRole('button', { name }));
      const dialog = screen.getByRole('dialog');
      await within(dialog).findByText('Bugai. 1992.', {}, { timeout: 20_000 });
      return dialog;
    };
    try {
      const dialog = await open('Cite this: Test figure');
      // Under the citation and under the reference: whatever the reader copies, the mark is beside it.
      expect(within(dialog).getAllByText('Incomplete reference: title unknown')).toHaveLength(2);
      // The complete work cited with it (Anušauskas) carries none.
      expect(dialog.textContent?.match(/Incomplete reference/g)).toHaveLength(2);
      cleanup();
      await initI18n('lt');
      const lithuanian = await open('Cituoti: Test figure');
      expect(within(lithuanian).getAllByText('Neišsami nuoroda: trūksta pavadinimo')).toHaveLength(2);
    } finally {
      await initI18n('en');
    }
  }, 40_000);

  it('renders nothing when no reference names a work of the bibliography', () => {
    const { container } = render(
      <CiteButton
        collection={{ bibliography: BIBLIOGRAPHY }}
        references={[{ locator: 'p. 1' }, { source: 'test-missing' }]}
      />,
    );
    expect(container.innerHTML).toBe('');
  });
});

describe('citation preferences', () => {
  it('default to Chicago author-date in English, and are remembered', () => {
    expect(getCitationPreferences()).toEqual({ style: 'chicago-author-date', locale: 'en-US' });
    setCitationPreferences({ style: 'apa' });
    expect(localStorage.getItem(STYLE_STORAGE_KEY)).toBe('apa');
    resetCitationPreferencesCache();
    expect(getCitationPreferences()).toEqual({ style: 'apa', locale: 'en-US' });
  });

  it('ignore stored values that are not a bundled style or locale', () => {
    localStorage.setItem(STYLE_STORAGE_KEY, 'test-no-such-style');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx-XX');
    expect(getCitationPreferences()).toEqual({ style: 'chicago-author-date', locale: 'en-US' });
  });
});

describe('citeproc HTML on screen', () => {
  it('keeps italics and drops everything else', () => {
    expect(sanitizeCitationHtml('A. <i>Title</i>.')).toBe('A. <i>Title</i>.');
    expect(sanitizeCitationHtml('<span style="font-variant:small-caps;">Test</span>')).toBe(
      '<span>Test</span>',
    );
    expect(sanitizeCitationHtml('<a href="https://example.org">x</a><script>alert(1)</script>')).toBe('x');
  });
});

describe('saveExport', () => {
  const apiAnswering = (answer: unknown): AtmintisApi =>
    ({
      call: vi.fn().mockResolvedValue(answer),
      onOpenView: () => () => undefined,
    }) as unknown as AtmintisApi;

  it('uses the save dialog where the host has one', async () => {
    const api = apiAnswering({ ok: true, value: { saved: true, path: '/test/out.bib' } });
    await expect(saveExport(api, 'out.bib', 'application/x-bibtex', 'Test')).resolves.toEqual({
      kind: 'saved',
      path: '/test/out.bib',
    });
    expect(api.call).toHaveBeenCalledWith('files.save', {
      suggestedName: 'out.bib',
      content: 'Test',
      encoding: 'utf8',
      mimeType: 'application/x-bibtex',
    });
  });

  it('does nothing more when the reader cancels the dialog', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const api = apiAnswering({ ok: true, value: { saved: false, cancelled: true } });
    await expect(saveExport(api, 'out.bib', 'application/x-bibtex', 'Test')).resolves.toEqual({
      kind: 'cancelled',
    });
    expect(click).not.toHaveBeenCalled();
    click.mockRestore();
  });

  it.each([
    ['the host has no dialog', { ok: true, value: { saved: false, cancelled: false } }],
    ['the call fails', { ok: false, error: { code: 'internal', message: 'Test failure' } }],
  ])('downloads when %s', async (_case, answer) => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('out.ris');
      expect(this.href).toBe('blob:test');
    });
    await expect(
      saveExport(apiAnswering(answer), 'out.ris', 'application/x-research-info-systems', 'TY  - BOOK'),
    ).resolves.toEqual({
      kind: 'downloaded',
    });
    expect(click).toHaveBeenCalledOnce();
    expect(await created[0]?.text()).toBe('TY  - BOOK');
    click.mockRestore();
  });
});
