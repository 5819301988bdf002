import { describe, expect, it } from 'vitest';
import { checkServerUrl, isLoopbackHost } from '@shared/sync/server-url';

describe('sync server URL policy', () => {
  it('accepts HTTPS anywhere and keeps a path, without a trailing slash', () => {
    expect(checkServerUrl('https://couch.example.org/')).toEqual({
      ok: true,
      url: 'https://couch.example.org',
    });
    expect(checkServerUrl(' https://example.org/couchdb/ ')).toEqual({
      ok: true,
      url: 'https://example.org/couchdb',
    });
  });

  it('accepts plain HTTP only to this computer', () => {
    for (const url of [
      'http://127.0.0.1:5984',
      'http://127.4.5.6',
      'http://localhost:5984',
      'http://[::1]:5984',
    ]) {
      expect(checkServerUrl(url).ok, url).toBe(true);
    }
    for (const url of ['http://example.org', 'http://192.168.1.10:5984', 'http://127.0.0.1.example.org']) {
      expect(checkServerUrl(url), url).toEqual({ ok: false, problem: 'not-https' });
    }
  });

  it('refuses other schemes, credentials in the URL, queries and fragments', () => {
    expect(checkServerUrl('ftp://example.org')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkServerUrl('not a url')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkServerUrl('https://ona:secret@example.org')).toEqual({
      ok: false,
      problem: 'credentials-in-url',
    });
    expect(checkServerUrl('https://example.org/?a=1')).toEqual({ ok: false, problem: 'query-or-fragment' });
    expect(checkServerUrl('https://example.org/#x')).toEqual({ ok: false, problem: 'query-or-fragment' });
  });

  it('knows loopback names', () => {
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example.org')).toBe(false);
  });
});
