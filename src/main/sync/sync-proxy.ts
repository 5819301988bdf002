/**
 * The one way out of the app to the network: requests under /sync/remote (same origin for the renderer)
 * are forwarded to the project database of the server the user configured, with the credentials added
 * here in main. Redirects are never followed (they could lead anywhere), bodies stream in both
 * directions, and only allow-listed headers cross (proxy-mapping.ts).
 */
import type { SyncSettingsStore } from './sync-settings-store';
import { diagnoseNetworkError } from './connection-errors';
import {
  basicAuthorization,
  forwardedRequestHeaders,
  forwardedResponseHeaders,
  mapToUpstream,
} from './proxy-mapping';

export interface SyncProxy {
  /** Answers a request whose path is under SYNC_REMOTE_PATH (see isSyncRemotePath). */
  forward(request: Request): Promise<Response>;
}

type Fetch = typeof fetch;

function plain(status: number, error: string, reason: string): Response {
  // CouchDB's error shape, so PouchDB reports it like any server error.
  return new Response(JSON.stringify({ error, reason }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

export function createSyncProxy(options: { store: SyncSettingsStore; fetch?: Fetch }): SyncProxy {
  const doFetch = options.fetch ?? fetch;
  return {
    async forward(request) {
      const current = await options.store.credentials().catch(() => null);
      if (current === null) return plain(503, 'not_configured', 'Team sync is not set up.');
      if (current.password === null) {
        return plain(401, 'no_password', 'No password is stored for this server and user.');
      }
      const incoming = new URL(request.url);
      const mapping = mapToUpstream(current.settings, request.method, incoming.pathname, incoming.search);
      if (!mapping.ok) return plain(mapping.status, 'refused', mapping.message);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
      let upstream: Response;
      try {
        upstream = await doFetch(mapping.url, {
          method: request.method,
          headers: forwardedRequestHeaders(
            request.headers,
            basicAuthorization(current.settings.username, current.password),
          ),
          ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
          redirect: 'manual',
          signal: request.signal,
        } as RequestInit);
      } catch (error) {
        const diagnosis = diagnoseNetworkError(error);
        return plain(502, diagnosis.outcome, diagnosis.message);
      }
      if (upstream.status >= 300 && upstream.status < 400) {
        await upstream.body?.cancel();
        return plain(502, 'redirected', 'The sync server answered with a redirect, which is not followed.');
      }
      const body = request.method === 'HEAD' ? null : upstream.body;
      return new Response(body, {
        status: upstream.status,
        headers: forwardedResponseHeaders(upstream.headers),
      });
    },
  };
}
