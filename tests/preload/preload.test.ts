import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: 'answer' })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

describe('preload', () => {
  beforeEach(() => vi.resetModules());

  it('exposes exactly the narrow typed API as window.atmintis, never ipcRenderer', async () => {
    await import('../../src/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('atmintis');
    expect(Object.keys(api).sort()).toEqual(['call', 'onOpenView']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('sends each call on its own namespaced channel', async () => {
    const { atmintisApi } = await import('../../src/preload/index');
    await expect(atmintisApi.call('collections.get', { collectionId: 'lt' })).resolves.toEqual({
      ok: true,
      value: 'answer',
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('atmintis:collections.get', {
      collectionId: 'lt',
    });
  });

  it('refuses malformed channel names before IPC and turns IPC rejections into coded errors', async () => {
    const { atmintisApi } = await import('../../src/preload/index');
    electron.ipcRenderer.invoke.mockClear();
    const call = atmintisApi.call as unknown as (channel: string, request: unknown) => Promise<unknown>;
    for (const channel of ['', 'atmintis', '../x', 'a b.c', 'x'.repeat(100)]) {
      await expect(call(channel, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    electron.ipcRenderer.invoke.mockRejectedValueOnce(
      new Error("No handler registered for 'atmintis:no.such'"),
    );
    await expect(call('no.such', {})).resolves.toMatchObject({ ok: false, error: { code: 'ipc-failed' } });
  });

  it('passes only string routes from menu events and can unsubscribe', async () => {
    const { atmintisApi } = await import('../../src/preload/index');
    const listener = vi.fn();
    const unsubscribe = atmintisApi.onOpenView(listener);
    const wrapped = electron.ipcRenderer.on.mock.calls.at(-1)?.[1] as (
      event: unknown,
      route: unknown,
    ) => void;
    wrapped({}, 'notes');
    wrapped({}, { evil: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('notes');
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('atmintis:open-view', wrapped);
  });
});
