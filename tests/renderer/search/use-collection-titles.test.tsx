import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AtmintisApi } from '@shared/ipc/api';
import { ok } from '@shared/result';
import { ApiProvider } from '../../../src/renderer/src/api/ApiContext';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { useCollectionTitles } from '../../../src/renderer/src/search/use-collection-titles';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

const api = { call: async () => ok([]) } as unknown as AtmintisApi;
const wrapper = ({ children }: { children: ReactNode }) => <ApiProvider api={api}>{children}</ApiProvider>;

describe('collection titles for the facet', () => {
  it('names the photos pseudo-collection (photo items and regions) plainly, not by its id', async () => {
    const { result } = renderHook(() => useCollectionTitles(), { wrapper });
    await waitFor(() => expect(result.current.get('user-photos')).toBe('Your photos'));
  });
});
