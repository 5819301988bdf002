import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { App } from '../../../src/renderer/src/App';
import {
  initI18n,
  LANGUAGE_STORAGE_KEY,
  loadResources,
  preferredLanguage,
} from '../../../src/renderer/src/i18n/i18n';
import { record } from '../browse/fixtures';
import { withRecordChannels } from '../record-channels';

/** Fictional test data: a synthetic collection with one record that has a Lithuanian label. */
function fakeApi() {
  const answers: Record<string, unknown> = {
    'app.getInfo': {
      ok: true,
      value: {
        name: 'Atmintis',
        version: '0.0.0',
        license: 'AGPL-3.0',
        transport: 'http',
        dataDirectory: '/tmp/x',
      },
    },
    'collections.list': {
      ok: true,
      value: [
        {
          id: 'test-collection',
          title: 'Test collection',
          description: 'd',
          version: '1.0.0',
          languages: ['en', 'lt'],
          recordCount: 1,
          synthetic: true,
          revision: '0123456789abcdef',
        },
      ],
    },
    'collections.get': {
      ok: true,
      value: {
        manifest: { id: 'test-collection', title: 'Test collection', synthetic: true },
        records: [
          record({
            id: 'test-operation',
            kind: 'event',
            title: 'Test operation',
            labels: { lt: 'Bandomoji operacija' },
            earliest: '1941-06-14',
            latest: '1941-06-14',
          }),
        ],
        bibliography: [],
        texts: [],
        integrity: { findings: [] },
      },
    },
  };
  const invoke = vi.fn(async (channel: string) =>
    channel in answers ? answers[channel] : { ok: false, error: { code: 'x', message: 'unexpected' } },
  ) as unknown as Invoke;
  return createApi(withRecordChannels(invoke));
}

/** English interface strings long enough that finding one on a Lithuanian screen means it was not translated. */
function englishPhrases(): string[] {
  const en = loadResources().en?.translation ?? {};
  const lt = loadResources().lt?.translation ?? {};
  const phrases: string[] = [];
  const walk = (a: unknown, b: unknown) => {
    for (const [key, value] of Object.entries(a as Record<string, unknown>)) {
      const other = (b as Record<string, unknown> | undefined)?.[key];
      if (value && typeof value === 'object') walk(value, other);
      else if (typeof value === 'string' && value !== other) {
        // The longest literal stretch between placeholders, e.g. "Showing " … " of " … " records".
        const longest = value
          .split(/\{\{[^}]*\}\}/)
          .map((part) => part.trim())
          .sort((x, y) => y.length - x.length)[0];
        if (longest && /\p{L}{3,}.*\s.*\p{L}{3,}/u.test(longest)) phrases.push(longest);
      }
    }
  };
  walk(en, lt);
  return phrases;
}

beforeAll(async () => {
  localStorage.clear();
  await initI18n('lt');
});
afterEach(cleanup);
afterAll(async () => {
  localStorage.clear();
  await i18next.changeLanguage('en');
});

describe('Lithuanian interface', () => {
  it('follows the OS language unless the reader chose one', () => {
    expect(preferredLanguage(null, ['lt-LT', 'en-GB'])).toBe('lt');
    expect(preferredLanguage(null, ['de-DE', 'lt'])).toBe('lt');
    expect(preferredLanguage(null, ['fr-FR'])).toBe('en');
    expect(preferredLanguage('en', ['lt-LT'])).toBe('en');
    expect(preferredLanguage('xx', ['lt-LT'])).toBe('en');
  });

  it('shows Browse and a record in Lithuanian, with Lithuanian labels and dates, and no English UI', async () => {
    expect(document.documentElement.lang).toBe('lt');
    window.location.hash = '#/browse';
    render(<App api={fakeApi()} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Naršyti' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Bandomoji operacija' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Pagrindinė' })).toBeTruthy();
    expect(document.body.textContent).toContain('1941 m. birželio 14 d.');
    const text = document.body.textContent ?? '';
    const phrases = englishPhrases();
    expect(phrases.length).toBeGreaterThan(100);
    expect(phrases.filter((phrase) => text.includes(phrase))).toEqual([]);
  });

  it('titles a record with its Lithuanian label and keeps the English title as another name', async () => {
    window.location.hash = '#/browse/record/test-collection/test-operation';
    render(<App api={fakeApi()} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bandomoji operacija' }, { timeout: 10_000 }),
    ).toBeTruthy();
    const names = screen.getByRole('region', { name: 'Pavadinimai ir rašybos variantai' });
    expect(names.textContent).toContain('Test operation');
    expect(names.textContent).toContain('Bandomoji operacija');
  });

  it('switches to English in About without a restart and remembers the choice', async () => {
    window.location.hash = '#/about';
    render(<App api={fakeApi()} />);
    const select = await screen.findByRole('combobox', { name: 'Sąsajos kalba' }, { timeout: 10_000 });
    await act(async () => {
      fireEvent.change(select, { target: { value: 'en' } });
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'About Atmintis' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Interface language' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Interface language' }), {
        target: { value: 'lt' },
      });
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Apie Atmintį' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('lt');
  });
});
