import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import type { CollectionSummary } from '@shared/ipc/payloads';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { RELEASE_YEARS, softwareBibtex } from '../../../src/renderer/src/about/software-citation';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { SearchExamples } from '../../../src/renderer/src/search/SearchExamples';
import AboutView from '../../../src/renderer/src/views/AboutView';
import BrowseView from '../../../src/renderer/src/views/BrowseView';
import { Welcome, WELCOME_DISMISSED_KEY } from '../../../src/renderer/src/welcome/Welcome';

/** Fictional summary of an installed collection, as `collections.list` reports it. */
const summary: CollectionSummary = {
  id: 'test-registry',
  title: 'Test registry (synthetic)',
  description: 'A made-up list used in tests.',
  version: '1.0.0',
  languages: ['en'],
  recordCount: 11499,
  synthetic: true,
  revision: '0',
};

const packageJson = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
) as { name: string; version: string; license: string; homepage: string };

const inRouter = (node: React.ReactNode) => <Router hook={memoryLocation().hook}>{node}</Router>;
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => localStorage.clear());
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe('numbers follow the interface language (issue 19, item 14)', () => {
  it('every interpolated count is grouped as the language writes it', async () => {
    expect(i18next.t('browse.showing', { count: 11499, total: 11499 })).toBe(
      'Showing 11,499 of 11,499 records',
    );
    await i18next.changeLanguage('lt');
    expect(plain(i18next.t('browse.showing', { count: 11499, total: 11499 }))).toBe(
      'Rodomi 11 499 iš 11 499 įrašų',
    );
  });
});

describe('first-start welcome', () => {
  it('says what the app is and what the collections hold, from their manifests, in both languages', async () => {
    render(inRouter(<Welcome summaries={[summary]} />));
    const welcome = screen.getByRole('region', { name: 'Welcome to Atmintis' });
    expect(welcome.textContent).toContain('offline archive browser for historians');
    expect(welcome.textContent).toContain('Test registry (synthetic)');
    expect(welcome.textContent).toContain('A made-up list used in tests.');
    expect(welcome.textContent).toContain('11,499 records');
    expect(screen.getByRole('link', { name: 'Search' })).toBeTruthy();
    cleanup();
    await i18next.changeLanguage('lt');
    render(inRouter(<Welcome summaries={[summary]} />));
    const lt = screen.getByRole('region', { name: 'Sveiki atvykę į Atmintį' });
    expect(plain(lt.textContent)).toContain('11 499 įrašai');
  });

  it('names a collection in the interface language when its manifest translates it', async () => {
    const translated: CollectionSummary = {
      ...summary,
      translations: { lt: { title: 'Bandomasis sąrašas', description: 'Išgalvotas sąrašas testams.' } },
    };
    await i18next.changeLanguage('lt');
    render(inRouter(<Welcome summaries={[translated]} />));
    const lt = screen.getByRole('region', { name: 'Sveiki atvykę į Atmintį' });
    expect(lt.textContent).toContain('Bandomasis sąrašas');
    expect(lt.textContent).toContain('Išgalvotas sąrašas testams.');
    expect(lt.textContent).not.toContain('Test registry (synthetic)');
  });

  it('is dismissed for good', () => {
    render(inRouter(<Welcome summaries={[summary]} />));
    fireEvent.click(screen.getByRole('button', { name: 'Got it, do not show again' }));
    expect(screen.queryByRole('region', { name: 'Welcome to Atmintis' })).toBeNull();
    expect(localStorage.getItem(WELCOME_DISMISSED_KEY)).toBe('1');
    cleanup();
    render(inRouter(<Welcome summaries={[summary]} />));
    expect(screen.queryByRole('region', { name: 'Welcome to Atmintis' })).toBeNull();
  });
});

describe('example queries on the empty search page', () => {
  it('are offered in the interface language and run when clicked', async () => {
    const onRun = vi.fn();
    render(<SearchExamples onRun={onRun} />);
    fireEvent.click(screen.getByRole('button', { name: 'Красноярск' }));
    expect(onRun).toHaveBeenCalledWith('Красноярск');
    cleanup();
    await i18next.changeLanguage('lt');
    render(<SearchExamples onRun={onRun} />);
    expect(screen.getByRole('region', { name: 'Išbandykite pavyzdį' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Krasnojarskas' }));
    expect(onRun).toHaveBeenLastCalledWith('Krasnojarskas');
  });

  it('are queries the relevance table checks against the bundled collection', () => {
    const table = readFileSync(
      join(import.meta.dirname, '..', '..', 'shared', 'search', 'relevance.test.ts'),
      'utf8',
    );
    for (const language of ['en', 'lt']) {
      const t = i18next.getFixedT(language);
      for (const key of ['name', 'script', 'diacritics', 'filter']) {
        expect(table).toContain(`['${t(`search.examples.${key}.query`)}',`);
      }
    }
  });
});

describe('how to cite Atmintis', () => {
  const info = {
    name: 'Atmintis',
    version: packageJson.version,
    license: packageJson.license,
    transport: 'http',
    dataDirectory: '/tmp/x',
  };
  const api = () => createApi(vi.fn(async () => ({ ok: true, value: info })) as unknown as Invoke);

  it('knows the release year of the version package.json declares', () => {
    expect(RELEASE_YEARS[packageJson.version]).toBeTypeOf('number');
  });

  it('About gives name, version, year and licence, and no invented address', async () => {
    render(
      <ApiProvider api={api()}>
        <AboutView />
      </ApiProvider>,
    );
    const section = await screen.findByRole('region', { name: 'How to cite Atmintis' });
    const year = String(RELEASE_YEARS[packageJson.version]);
    expect(section.textContent).toContain(
      `Atmintis contributors (${year}). Atmintis (version ${packageJson.version}) [computer software]. Licence: ${packageJson.license}.`,
    );
    expect(section.textContent).not.toContain('atmintis.invalid');
    expect(section.textContent).not.toContain('doi.org');
    expect(softwareBibtex(info, 'Atmintis contributors')).toContain(`year = {${year}}`);
    cleanup();
    await i18next.changeLanguage('lt');
    render(
      <ApiProvider api={api()}>
        <AboutView />
      </ApiProvider>,
    );
    const lt = await screen.findByRole('region', { name: 'Kaip cituoti Atmintį' });
    expect(lt.textContent).toContain(`(versija ${packageJson.version}) [kompiuterinė programa]`);
  });
});

describe('first-start welcome on Browse', () => {
  it('waits for the collections to be listed instead of saying none is installed meanwhile', async () => {
    let answerList: (summaries: CollectionSummary[]) => void = () => undefined;
    const listed = new Promise<CollectionSummary[]>((resolve) => (answerList = resolve));
    const invoke = vi.fn(async (channel: string) =>
      channel === 'collections.list'
        ? { ok: true, value: await listed }
        : { ok: false, error: { code: 'not-found', message: 'not in this test' } },
    ) as unknown as Invoke;
    render(
      <ApiProvider api={createApi(invoke)}>
        <Router hook={memoryLocation({ path: '/' }).hook}>
          <BrowseView />
        </Router>
      </ApiProvider>,
    );
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith('collections.list', {}));
    expect(screen.queryByRole('region', { name: 'Welcome to Atmintis' })).toBeNull();
    expect(document.body.textContent).not.toContain('No collection is installed yet');
    answerList([summary]);
    const welcome = await screen.findByRole('region', { name: 'Welcome to Atmintis' });
    expect(welcome.textContent).toContain('Test registry (synthetic)');
    expect(welcome.textContent).not.toContain('No collection is installed yet');
  });
});
