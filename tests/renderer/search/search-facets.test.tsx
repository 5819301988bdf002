import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { SearchFacets } from '../../../src/renderer/src/search/SearchFacets';
import { createApi } from '@shared/ipc/api';
import type { Invoke } from '@shared/ipc/contract';
import { emptyFacets } from '@shared/search/facets';
import type { SearchFacets as Facets } from '@shared/search/response';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

const facets: Facets = {
  ...emptyFacets(),
  kind: [{ value: 'person', count: 5 }],
  birthplace: [
    { value: 'Kauno aps., Vilkijos vls.', count: 3 },
    { value: 'Wilno', count: 2 },
  ],
  repression: [{ value: 'died-in-exile', count: 2 }],
  decade: [
    { value: '1890', count: 1 },
    { value: '1900', count: 4 },
  ],
};

function renderFacets(query: string) {
  const onQueryChange = vi.fn();
  const invoke = vi.fn(async () => ({ ok: true, value: [] })) as unknown as Invoke;
  render(
    <ApiProvider api={createApi(invoke)}>
      <SearchFacets facets={facets} query={query} onQueryChange={onQueryChange} />
    </ApiProvider>,
  );
  return onQueryChange;
}

describe('the facet panel', () => {
  it('shows the person facets that have values, labelled, and leaves out those without', () => {
    renderFacets('kind:person');
    const panel = screen.getByRole('complementary', { name: 'Refine results' });
    const birth = within(panel).getByRole('group', { name: 'Birth place' });
    expect(within(birth).getByRole('checkbox', { name: 'Kauno aps., Vilkijos vls. (3)' })).toBeTruthy();
    const decade = within(panel).getByRole('group', { name: 'Decade of birth' });
    expect(
      within(decade)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent?.trim()),
    ).toEqual(['1890s (1)', '1900s (4)']);
    const repression = within(panel).getByRole('group', { name: 'Repression' });
    expect(within(repression).getByRole('checkbox', { name: 'died in exile (2)' })).toBeTruthy();
    expect(within(panel).queryByRole('group', { name: 'Deported to' })).toBeNull();
    expect(within(panel).queryByRole('group', { name: 'Place' })).toBeNull();
  });

  it('adds each value as the filter it stands for', () => {
    const onQueryChange = renderFacets('kind:person');
    fireEvent.click(screen.getByRole('checkbox', { name: '1890s (1)' }));
    expect(onQueryChange).toHaveBeenLastCalledWith('kind:person born:1890..1899');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Kauno aps., Vilkijos vls. (3)' }));
    expect(onQueryChange).toHaveBeenLastCalledWith('kind:person birthplace:"Kauno aps., Vilkijos vls."');
    fireEvent.click(screen.getByRole('checkbox', { name: 'died in exile (2)' }));
    expect(onQueryChange).toHaveBeenLastCalledWith('kind:person fate:died-in-exile');
  });

  it('shows the values the query selects as checked, and takes them out again', () => {
    const onQueryChange = renderFacets('born:1890..1899 birthplace:wilno fate:died-in-exile');
    const decade = screen.getByRole('checkbox', { name: '1890s (1)' }) as HTMLInputElement;
    expect(decade.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '1900s (4)' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Wilno (2)' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'died in exile (2)' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(decade);
    expect(onQueryChange).toHaveBeenLastCalledWith('birthplace:wilno fate:died-in-exile');
  });
});
