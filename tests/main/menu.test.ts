import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, VIEW_SHORTCUTS } from '../../src/main/menu';
import { BACK_ROUTE } from '@shared/ipc/channel-names';

function flatten(items: Electron.MenuItemConstructorOptions[]): Electron.MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  const base = { appName: 'Atmintis', openView: vi.fn(), showAbout: vi.fn() };

  it('has the standard menus with native roles', () => {
    const items = flatten(buildMenuTemplate({ ...base, platform: 'linux', isDevelopment: false }));
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining([
        'fileMenu',
        'editMenu',
        'windowMenu',
        'quit',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
      ]),
    );
  });

  it('offers reload and devtools only in development', () => {
    const production = flatten(buildMenuTemplate({ ...base, platform: 'win32', isDevelopment: false }));
    expect(production.some((item) => item.role === 'reload' || item.role === 'toggleDevTools')).toBe(false);
    const development = flatten(buildMenuTemplate({ ...base, platform: 'win32', isDevelopment: true }));
    expect(development.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('has an app menu on macOS and view shortcuts that open views', () => {
    const template = buildMenuTemplate({ ...base, platform: 'darwin', isDevelopment: false });
    expect(template[0]?.label).toBe('Atmintis');
    const items = flatten(template);
    for (const shortcut of VIEW_SHORTCUTS) {
      const item = items.find((candidate) => candidate.accelerator === shortcut.accelerator);
      item?.click?.({} as never, undefined, {} as never);
      expect(base.openView).toHaveBeenCalledWith(shortcut.route);
    }
  });

  it('has Back (Alt+Left, or Cmd+[ on macOS) that asks the renderer to go back', () => {
    for (const [platform, accelerator] of [
      ['linux', 'Alt+Left'],
      ['win32', 'Alt+Left'],
      ['darwin', 'Cmd+['],
    ] as const) {
      const openView = vi.fn();
      const items = flatten(buildMenuTemplate({ ...base, openView, platform, isDevelopment: false }));
      const back = items.find((item) => item.label === 'Back');
      expect(back?.accelerator).toBe(accelerator);
      back?.click?.({} as never, undefined, {} as never);
      expect(openView).toHaveBeenCalledExactlyOnceWith(BACK_ROUTE);
    }
  });
});
