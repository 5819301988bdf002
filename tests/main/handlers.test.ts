import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { testHandlers } from '../support/fake-handlers';

describe('handlers', () => {
  it('reports a missing collection with its id', async () => {
    const result = await dispatch(testHandlers(), 'collections.get', { collectionId: 'missing' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'collection-not-found', message: 'No collection with id "missing"' },
    });
  });

  it('opens only http(s) URLs externally', async () => {
    const openExternal = vi.fn(async () => true);
    const handlers = testHandlers({ openExternal });
    expect(await dispatch(handlers, 'shell.openExternal', { url: 'https://www.lituanus.org/' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'app://atmintis/x',
      'https:',
    ]) {
      expect(await dispatch(handlers, 'shell.openExternal', { url })).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://www.lituanus.org/');
  });
});
