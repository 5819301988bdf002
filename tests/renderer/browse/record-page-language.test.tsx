import { act, cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { record } from './fixtures';
import { withRecordChannels } from '../record-channels';

/** Fictional test data: one record translated into Lithuanian, one not. */
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
          recordCount: 2,
          synthetic: true,
          revision: '0123456789abcdef',
        },
      ],
    },
    'collections.get': {
      ok: true,
      value: {
        manifest: {
          id: 'test-collection',
          title: 'Test collection',
          description: 'd',
          synthetic: true,
          translations: { lt: { title: 'Bandomasis rinkinys' } },
        },
        records: [
          record({
            id: 'test-translated',
            kind: 'event',
            title: 'Translated test operation',
            summary: 'An operation made up for this test.',
            flags: [
              {
                type: 'unverified',
                note: 'Made-up flag.',
                translations: { lt: { note: 'Išgalvota žymė.' } },
              },
            ],
            translations: {
              lt: { title: 'Išversta bandomoji operacija', summary: 'Šiam bandymui išgalvota operacija.' },
            },
            claims: [
              {
                id: 'test-total',
                value: 100,
                unit: 'people',
                counts: 'people moved in the test operation',
                status: 'unverified',
                note: 'Made up.',
                translations: {
                  lt: { counts: 'bandomojoje operacijoje perkelti žmonės', note: 'Išgalvota.' },
                },
              },
            ],
          }),
          record({
            id: 'test-untranslated',
            kind: 'event',
            title: 'Untranslated test operation',
            summary: 'Only in English so far.',
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

async function openRecord(id: string, heading: string) {
  window.location.hash = `#/browse/record/test-collection/${id}`;
  render(<App api={fakeApi()} />);
  return screen.findByRole('heading', { level: 1, name: heading }, { timeout: 10_000 });
}
const summary = () => screen.getByRole('region', { name: /Santrauka|Summary/ });

beforeAll(async () => {
  localStorage.clear();
  await initI18n('lt');
});
afterEach(cleanup);
afterAll(async () => {
  localStorage.clear();
  await i18next.changeLanguage('en');
});

describe('record page in the interface language', () => {
  it('shows the Lithuanian title, summary, claim label and note in the Lithuanian interface', async () => {
    await openRecord('test-translated', 'Išversta bandomoji operacija');
    expect(summary().textContent).toContain('Šiam bandymui išgalvota operacija.');
    expect(summary().textContent).not.toContain('An operation made up');
    expect(summary().querySelector('.summary')?.getAttribute('lang')).toBe('lt');
    expect(document.body.textContent).not.toContain('neišverstas');
    const table = screen.getByRole('table', { name: /bandomojoje operacijoje perkelti žmonės/ });
    expect(table.textContent).toContain('Išgalvota.');
    expect(table.textContent).not.toContain('Made up.');
    const flags = screen.getByRole('list', { name: 'Išlygos' });
    expect(flags.textContent).toContain('Išgalvota žymė.');
    expect(flags.textContent).not.toContain('Made-up flag.');
  });

  it('names the collection and lists its records in Lithuanian on Browse', async () => {
    window.location.hash = '#/browse';
    render(<App api={fakeApi()} />);
    expect(
      await screen.findByRole('link', { name: 'Išversta bandomoji operacija' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(document.querySelector('.view-intro')?.textContent).toContain('Bandomasis rinkinys');
  });

  it('names the collection in Lithuanian on Bibliography', async () => {
    window.location.hash = '#/bibliography';
    render(<App api={fakeApi()} />);
    await screen.findByRole('heading', { level: 1, name: 'Bibliografija' }, { timeout: 10_000 });
    const intro = () => document.querySelector('.view-intro')?.textContent ?? '';
    await vi.waitFor(() => expect(intro()).toContain('Bandomasis rinkinys'), { timeout: 10_000 });
    expect(intro()).not.toContain('Test collection');
  });

  it('shows the English text of an untranslated record, openly marked as a fallback', async () => {
    await openRecord('test-untranslated', 'Untranslated test operation');
    expect(summary().textContent).toContain('Šis įrašas dar neišverstas: rodoma anglų kalba.');
    expect(summary().textContent).toContain('Only in English so far.');
    expect(summary().querySelector('.summary')?.getAttribute('lang')).toBe('en');
  });

  it('shows the original English, with no fallback mark, in the English interface', async () => {
    await act(async () => {
      await i18next.changeLanguage('en');
    });
    try {
      await openRecord('test-translated', 'Translated test operation');
      expect(summary().textContent).toContain('An operation made up for this test.');
      expect(summary().textContent).not.toContain('not translated');
      expect(screen.getByRole('table', { name: /people moved in the test operation/ })).toBeTruthy();
    } finally {
      await act(async () => {
        await i18next.changeLanguage('lt');
      });
    }
  });
});
