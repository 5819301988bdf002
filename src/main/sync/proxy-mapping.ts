/**
 * The pure half of the sync proxy: which same-origin request maps to which upstream URL, and which
 * headers cross in each direction. Everything here is decided without I/O so the rules are tested in
 * Node; sync-proxy.ts only performs the request.
 */
import { SYNC_REMOTE_PATH } from '@shared/sync/server-remote-path';
import type { SyncSettings } from '@shared/ipc/channels/sync';

/** CouchDB's replication protocol needs no other method; anything else is refused before it leaves. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);

/**
 * Request headers the renderer may pass on. Never cookies, Authorization (main adds its own), Origin,
 * Referer or anything else that would tell the server more than the replication needs.
 */
const REQUEST_HEADERS = ['accept', 'content-type', 'if-match', 'if-none-match'];

/**
 * Response headers passed back. Content-Length and Content-Encoding are dropped because fetch has
 * already decoded the body; Location and Set-Cookie would reveal or plant server state in the renderer.
 */
const RESPONSE_HEADERS = ['content-type', 'etag'];

export function isSyncRemotePath(pathname: string): boolean {
  return pathname === SYNC_REMOTE_PATH || pathname.startsWith(`${SYNC_REMOTE_PATH}/`);
}

export type Mapping = { ok: true; url: URL } | { ok: false; status: number; message: string };

/**
 * `<serverUrl>/<project><suffix><search>` for a request to `/sync/remote<suffix><search>`. The suffix is
 * kept encoded as the renderer sent it (document ids carry %2F), but a dot segment, even encoded, is
 * refused: the request must stay inside the project's database.
 */
export function mapToUpstream(
  settings: SyncSettings,
  method: string,
  pathname: string,
  search: string,
): Mapping {
  if (!isSyncRemotePath(pathname)) return { ok: false, status: 404, message: 'Not a sync path' };
  if (!METHODS.has(method)) return { ok: false, status: 405, message: `${method} is not forwarded` };
  const suffix = pathname.slice(SYNC_REMOTE_PATH.length);
  const segments = suffix.split(/[/\\]/).slice(1);
  if (segments.some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))) {
    return { ok: false, status: 400, message: 'The path leaves the project database' };
  }
  if (method === 'DELETE' && segments.every((segment) => segment === '')) {
    // Deleting the team's whole database is an administrator's act on the server, never a side effect
    // of syncing.
    return { ok: false, status: 403, message: 'The project database cannot be deleted from Atmintis' };
  }
  const base = `${settings.serverUrl}/${encodeURIComponent(settings.project)}`;
  const baseUrl = new URL(base);
  const url = new URL(`${base}${suffix}${search}`);
  const inside = url.pathname === baseUrl.pathname || url.pathname.startsWith(`${baseUrl.pathname}/`);
  if (url.origin !== baseUrl.origin || !inside) {
    return { ok: false, status: 400, message: 'The path leaves the project database' };
  }
  return { ok: true, url };
}

export function forwardedRequestHeaders(incoming: Headers, authorization: string): Headers {
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('authorization', authorization);
  return headers;
}

export function forwardedResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('cache-control', 'no-store');
  headers.set('x-content-type-options', 'nosniff');
  return headers;
}

/** HTTP Basic credentials (RFC 7617, UTF-8), as CouchDB expects them. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
