import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../../src/main/security/csp';
import { cspProblems, parseCsp } from '../../../src/main/security/csp-audit';
import { hardenWebContents } from '../../../src/main/security/harden-web-contents';
import { isNavigationAllowed, isSafeExternalUrl } from '../../../src/main/security/navigation';
import { APP_ORIGIN, isTrustedOrigin, originOf } from '../../../src/main/security/origin';
import { isPermissionAllowed } from '../../../src/main/security/permissions';
import { isTrustedSender } from '../../../src/main/security/trusted-sender';
import { secureWebPreferences } from '../../../src/main/security/web-preferences';

const trusted = [APP_ORIGIN];

describe('web preferences', () => {
  it('follow the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });
});

describe('content security policy', () => {
  it('allows only the app itself and never eval or inline script', () => {
    expect(CSP_DIRECTIVES['default-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[^-]unsafe-eval|unsafe-inline|https?:|\*/);
    expect(cspProblems(CONTENT_SECURITY_POLICY)).toEqual([]);
  });

  it("gains exactly 'wasm-unsafe-eval' in script-src for offline OCR, and nothing else", () => {
    expect(CSP_DIRECTIVES).toEqual({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'frame-src': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY.match(/wasm-unsafe-eval/g)).toHaveLength(1);
  });

  it("is repeated in index.html's meta tag (all but frame-ancestors, which a meta tag cannot carry)", () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const { 'frame-ancestors': _headerOnly, ...inMeta } = CSP_DIRECTIVES;
    expect(
      meta && Object.fromEntries([...parseCsp(meta)].map(([name, sources]) => [name, sources.join(' ')])),
    ).toEqual(inMeta);
    expect(cspProblems(meta ?? '')).toEqual([]);
  });

  it.each([
    ["script-src 'self' 'unsafe-eval'", "script-src allows 'unsafe-eval'"],
    ["script-src 'self' 'unsafe-inline'", "script-src allows 'unsafe-inline'"],
    ["style-src 'self' 'unsafe-inline'", "style-src allows 'unsafe-inline'"],
    [
      "connect-src 'self' https://cdn.jsdelivr.net",
      'connect-src allows the origin or scheme https://cdn.jsdelivr.net',
    ],
    ["script-src 'self' cdn.jsdelivr.net", 'script-src allows the origin or scheme cdn.jsdelivr.net'],
    ["connect-src 'self' *", 'connect-src allows the origin or scheme *'],
    ["worker-src 'self' data:", 'worker-src allows the origin or scheme data:'],
    [
      "connect-src 'self' 'wasm-unsafe-eval'",
      "connect-src allows 'wasm-unsafe-eval' (only script-src may, for WebAssembly)",
    ],
  ])('refuses a policy that gains %s', (added, problem) => {
    const directive = added.split(' ')[0] as string;
    const policy = Object.entries({ ...CSP_DIRECTIVES, [directive]: added.slice(directive.length + 1) })
      .map(([name, value]) => `${name} ${value}`)
      .join('; ');
    expect(cspProblems(policy)).toEqual([problem]);
  });

  it('refuses a policy without a self-only default or with objects', () => {
    expect(cspProblems("script-src 'self'")).toEqual([
      "default-src must be 'self'",
      "object-src must be 'none'",
    ]);
  });
});

describe('origins', () => {
  it('derive the app origin from app:// URLs', () => {
    expect(originOf('app://atmintis/index.html#/browse')).toBe(APP_ORIGIN);
    expect(originOf('app://evil/index.html')).toBe('app://evil');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(isTrustedOrigin('app://atmintis/x', trusted)).toBe(true);
    expect(isTrustedOrigin('app://atmintis.evil.com/x', trusted)).toBe(false);
    expect(isTrustedOrigin('https://atmintis/x', trusted)).toBe(false);
  });
});

describe('navigation and external links', () => {
  it('keeps navigation inside the app', () => {
    expect(isNavigationAllowed('app://atmintis/index.html#/notes', trusted)).toBe(true);
    expect(isNavigationAllowed('https://example.org/', trusted)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', trusted)).toBe(false);
  });

  it('lets only http(s) links go to the browser', () => {
    expect(isSafeExternalUrl('https://lituanus.org/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/a?b')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/x',
      'vbscript:x',
      'ms-msdt:x',
      'mailto:a@b.c',
      '',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('hardens every web contents: no foreign navigation, no new windows, no webviews', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: vi.fn((name: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => {
        listeners.set(name, listener);
        return contents;
      }),
      setWindowOpenHandler: vi.fn((handler: () => { action: string }) => {
        openHandler = handler;
      }),
    };
    hardenWebContents(contents as never, trusted);

    const navigate = (event: string, url: string) => {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'app://atmintis/index.html')).toBe(false);
    expect(navigate('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(navigate('will-attach-webview', 'app://atmintis/')).toBe(true);
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('deny everything except persistent storage for the app origin', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://atmintis/index.html', trusted)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.example/', trusted)).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'unknown',
    ]) {
      expect(isPermissionAllowed(permission, 'app://atmintis/index.html', trusted)).toBe(false);
    }
  });
});

describe('IPC sender validation', () => {
  it('accepts only the app top frame', () => {
    expect(isTrustedSender({ url: 'app://atmintis/index.html', parent: null }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'app://atmintis/index.html', parent: {} }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
    expect(isTrustedSender(undefined, trusted)).toBe(false);
  });
});
