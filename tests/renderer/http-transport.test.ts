import { describe, expect, it, vi } from 'vitest';
import { createHttpInvoke } from '../../src/renderer/src/api/http-transport';

const respond = (body: unknown, status = 200) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

describe('HTTP transport', () => {
  it('posts JSON to /api/<channel> and returns the Result', async () => {
    const fetchImpl = respond({ ok: true, value: [] });
    const invoke = createHttpInvoke('http://127.0.0.1:5199', fetchImpl);
    await expect(invoke('collections.list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(fetchImpl).toHaveBeenCalledWith('http://127.0.0.1:5199/api/collections.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
  });

  it('turns network failures and malformed answers into coded errors', async () => {
    const down = createHttpInvoke(
      '',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(down('app.getInfo', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'transport-unreachable' },
    });
    const html = createHttpInvoke('', respond('<html>', 502));
    await expect(html('app.getInfo', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'transport-bad-response', message: expect.stringContaining('502') },
    });
    const notResult = createHttpInvoke('', respond({ hello: 1 }));
    await expect(notResult('app.getInfo', {})).resolves.toMatchObject({ ok: false });
  });
});
