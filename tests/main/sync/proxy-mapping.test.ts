import { describe, expect, it } from 'vitest';
import {
  basicAuthorization,
  forwardedRequestHeaders,
  forwardedResponseHeaders,
  isSyncRemotePath,
  mapToUpstream,
} from '../../../src/main/sync/proxy-mapping';

const settings = { serverUrl: 'https://couch.example.org/db-root', project: 'family', username: 'ona' };

describe('sync proxy mapping', () => {
  it('recognises only the /sync/remote path and what is under it', () => {
    expect(isSyncRemotePath('/sync/remote')).toBe(true);
    expect(isSyncRemotePath('/sync/remote/_changes')).toBe(true);
    expect(isSyncRemotePath('/sync/remoteX')).toBe(false);
    expect(isSyncRemotePath('/sync')).toBe(false);
  });

  it('maps the suffix and query onto the configured project database', () => {
    const mapped = mapToUpstream(settings, 'GET', '/sync/remote/_changes', '?since=5&feed=longpoll');
    expect(mapped).toMatchObject({ ok: true });
    expect(mapped.ok && mapped.url.href).toBe(
      'https://couch.example.org/db-root/family/_changes?since=5&feed=longpoll',
    );
    const root = mapToUpstream(settings, 'GET', '/sync/remote', '');
    expect(root.ok && root.url.href).toBe('https://couch.example.org/db-root/family');
    // Document ids stay encoded as PouchDB sent them.
    const doc = mapToUpstream(settings, 'PUT', '/sync/remote/note%2F1', '');
    expect(doc.ok && doc.url.pathname).toBe('/db-root/family/note%2F1');
  });

  it('refuses paths that would leave the project database, other methods, and deleting the database', () => {
    for (const path of [
      '/sync/remote/..',
      '/sync/remote/%2e%2e/_users',
      '/sync/remote/.%2E/x',
      '/sync/remote/a\\..\\b',
    ]) {
      expect(mapToUpstream(settings, 'GET', path, ''), path).toMatchObject({ ok: false, status: 400 });
    }
    expect(mapToUpstream(settings, 'PATCH', '/sync/remote/x', '')).toMatchObject({ ok: false, status: 405 });
    expect(mapToUpstream(settings, 'COPY', '/sync/remote/x', '')).toMatchObject({ ok: false, status: 405 });
    expect(mapToUpstream(settings, 'DELETE', '/sync/remote', '')).toMatchObject({ ok: false, status: 403 });
    expect(mapToUpstream(settings, 'DELETE', '/sync/remote/', '')).toMatchObject({ ok: false, status: 403 });
    expect(mapToUpstream(settings, 'DELETE', '/sync/remote/note-1', '?rev=1-a')).toMatchObject({ ok: true });
  });

  it('passes only allow-listed request headers, with main’s own credentials', () => {
    const incoming = new Headers({
      accept: 'application/json',
      'content-type': 'application/json',
      cookie: 'AuthSession=planted',
      authorization: 'Basic bWFsbG9yeTpwdw==',
      origin: 'app://atmintis',
      referer: 'app://atmintis/index.html#/notes',
      'x-anything': '1',
    });
    const headers = forwardedRequestHeaders(incoming, basicAuthorization('ona', 'pä:ss'));
    expect(Object.fromEntries(headers)).toEqual({
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from('ona:pä:ss').toString('base64')}`,
    });
  });

  it('passes back only the content type and ETag, never cookies or redirect targets', () => {
    const upstream = new Headers({
      'content-type': 'application/json',
      etag: '"1-abc"',
      'set-cookie': 'AuthSession=x',
      location: 'https://elsewhere.example/',
      'content-encoding': 'gzip',
      server: 'CouchDB/3.3.3',
    });
    expect(Object.fromEntries(forwardedResponseHeaders(upstream))).toEqual({
      'content-type': 'application/json',
      etag: '"1-abc"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });
});
