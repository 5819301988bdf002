import { describe, expect, it, vi } from 'vitest';
import { dispatch, HandlerError } from '../../../src/main/ipc/dispatch';
import { isWellFormedChannelName } from '@shared/ipc/channel-names';
import { channels, requestSchemas } from '@shared/ipc/contract';
import { testHandlers } from '../../support/fake-handlers';

describe('dispatch', () => {
  it('answers a valid request with the handler result', async () => {
    const result = await dispatch(testHandlers(), 'app.getInfo', {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Atmintis' } });
  });

  it('treats a missing payload as an empty request', async () => {
    expect(await dispatch(testHandlers(), 'app.getInfo', undefined)).toMatchObject({ ok: true });
  });

  it('refuses unknown channels, including prototype keys', async () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await dispatch(testHandlers(), channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('names the channel, the field and the reason for bad arguments', async () => {
    const result = await dispatch(testHandlers(), 'collections.get', { collectionId: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-arguments');
    expect(result.error.message).toContain('collections.get');
    expect(result.error.message).toContain('collectionId');
    expect(result.error.message).toMatch(/expected string/);
  });

  it('refuses extra fields (requests are strict)', async () => {
    const result = await dispatch(testHandlers(), 'app.getInfo', { extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(!result.ok && result.error.message).toContain('extra');
  });

  it('refuses a non-object payload', async () => {
    for (const payload of ['x', 3, [1], true]) {
      expect(await dispatch(testHandlers(), 'app.getInfo', payload)).toMatchObject({ ok: false });
    }
  });

  it('never lets a handler exception escape: HandlerError keeps its code, others become internal', async () => {
    const failing = testHandlers({
      collections: {
        list: async () => {
          throw new HandlerError('disk-full', 'The disk is full');
        },
        get: async () => {
          throw new TypeError('boom');
        },
      },
    });
    expect(await dispatch(failing, 'collections.list', {})).toEqual({
      ok: false,
      error: { code: 'disk-full', message: 'The disk is full' },
    });
    const internal = await dispatch(failing, 'collections.get', { collectionId: 'x' });
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!internal.ok && internal.error.message).toContain('boom');
  });

  it('does not call the handler when validation fails', async () => {
    const openExternal = vi.fn(async () => true);
    const result = await dispatch(testHandlers({ openExternal }), 'shell.openExternal', {
      url: 'file:///etc/passwd',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('has a schema for every channel, and every channel name is well formed for the preload', () => {
    expect(channels.sort()).toEqual(Object.keys(requestSchemas).sort());
    for (const channel of channels) expect(isWellFormedChannelName(channel), channel).toBe(true);
  });
});
