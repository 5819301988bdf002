import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: 'answer' })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
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
    expect(Object.keys(api).sort()).toEqual(['call', 'onBeforeClose', 'onOpenView']);
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

  it('answers a close request with its token after every close listener settled, failing ones included', async () => {
    electron.ipcRenderer.on.mockClear();
    electron.ipcRenderer.send.mockClear();
    const { atmintisApi } = await import('../../src/preload/index');
    const onBeforeClose = electron.ipcRenderer.on.mock.calls.find(
      (call) => call[0] === 'atmintis:before-close',
    )?.[1] as (event: unknown, token: unknown) => void;
    let finishSaving: () => void = () => undefined;
    const saving = vi.fn(() => new Promise<void>((resolve) => (finishSaving = resolve)));
    const failing = vi.fn(async () => {
      throw new Error('disk full');
    });
    atmintisApi.onBeforeClose?.(saving);
    const unsubscribe = atmintisApi.onBeforeClose?.(failing);
    onBeforeClose({}, 3);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(saving).toHaveBeenCalledTimes(1);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled(); // still saving
    finishSaving();
    await vi.waitFor(() => expect(electron.ipcRenderer.send).toHaveBeenCalledWith('atmintis:close-ready', 3));

    // With no listener left the answer comes at once.
    unsubscribe?.();
    atmintisApi.onBeforeClose?.(saving)?.();
    electron.ipcRenderer.send.mockClear();
    onBeforeClose({}, 4);
    await vi.waitFor(() => expect(electron.ipcRenderer.send).toHaveBeenCalledWith('atmintis:close-ready', 4));
    expect(saving).toHaveBeenCalledTimes(1);
  });
});
