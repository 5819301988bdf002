import { describe, expect, it, vi } from 'vitest';
import {
  BLOB_BODY_FROM_CHARS,
  createHttpInvoke,
  requestBody,
} from '../../src/renderer/src/api/http-transport';

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

  it('sends a large body as a Blob of the same JSON, with the JSON content type', async () => {
    const fetchImpl = respond({ ok: true, value: { received: 1 } });
    const invoke = createHttpInvoke('', fetchImpl);
    const json = JSON.stringify([{ title: 'Ona Kazlauskienė', pad: 'x'.repeat(BLOB_BODY_FROM_CHARS) }]);
    const request = { sessionId: '00000000-0000-4000-8000-000000000001', seq: 0, json };
    await invoke('imports.appendRecordsJson', request);
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(init.body).toBeInstanceOf(Blob);
    expect(await (init.body as Blob).text()).toBe(JSON.stringify(request));
  });

  it('sends a Uint8Array field as the JSON its bytes hold, not re-encoded, the other fields as JSON', async () => {
    const fetchImpl = respond({ ok: true, value: { received: 2 } });
    const invoke = createHttpInvoke('', fetchImpl);
    const records = [{ title: 'Зыгмунта "Ona" Kazlauskienė \\ 🙂' }, { title: 'P' }];
    const json = new TextEncoder().encode(JSON.stringify(records));
    const sessionId = '00000000-0000-4000-8000-000000000001';
    await invoke('imports.appendRecordsJson', { sessionId, seq: 3, json });
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(init.body).toBeInstanceOf(Blob);
    expect(JSON.parse(await (init.body as Blob).text())).toEqual({ sessionId, seq: 3, json: records });
    // Fields left undefined are left out, as JSON.stringify does.
    const body = requestBody({ a: undefined, b: new TextEncoder().encode('[1]'), c: 'x' });
    expect(await (body as Blob).text()).toBe('{"b":[1],"c":"x"}');
  });
});
