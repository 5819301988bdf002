/**
 * Whether the server accepts the stored name and password at all, asked at `<server>/_session` (the
 * same configured server, never another). Needed because CouchDB-compatible servers differ: CouchDB 3
 * answers a signed-in non-member with 403, express-pouchdb with 401, and only this tells a wrong
 * password from a missing membership.
 */
import type { SyncCredentials } from './sync-settings-store';
import { basicAuthorization } from './proxy-mapping';

const TIMEOUT_MS = 15_000;

/** true: the credentials are valid on this server; false: refused; null: could not tell. */
export async function credentialsAccepted(
  current: SyncCredentials & { password: string },
  doFetch: typeof fetch = fetch,
): Promise<boolean | null> {
  try {
    const response = await doFetch(`${current.settings.serverUrl}/_session`, {
      headers: {
        accept: 'application/json',
        authorization: basicAuthorization(current.settings.username, current.password),
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 401) return false;
    if (!response.ok) return null;
    const body = (await response.json()) as { userCtx?: { name?: unknown } };
    return body.userCtx?.name === current.settings.username;
  } catch {
    return null;
  }
}
