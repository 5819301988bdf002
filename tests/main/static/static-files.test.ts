import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath, staticHeaders } from '../../../src/main/static/static-files';

const root = resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps URL paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-1.js')).toBe(join(root, 'assets/index-1.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'));
  });

  it('refuses every way out of the root', () => {
    for (const path of [
      '/../secret',
      '/assets/../../secret',
      '/%2e%2e/secret',
      '/%2E%2E%2Fsecret',
      '/..%5csecret',
      '/assets%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });
});

describe('headers', () => {
  it('send the CSP, nosniff and the right type', () => {
    const headers = staticHeaders('/x/index.html');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
