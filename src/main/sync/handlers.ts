/** The `sync.*` channels, built from the settings store and the proxy (the connection test uses it). */
import type { ConnectionTest, SyncChannel } from '@shared/ipc/channels/sync';
import type { Handlers } from '@shared/ipc/contract';
import { SYNC_REMOTE_PATH } from '@shared/sync/server-remote-path';
import { HandlerError } from '../ipc/dispatch';
import { diagnoseStatus } from './connection-errors';
import { credentialsAccepted } from './session-check';
import type { SyncProxy } from './sync-proxy';
import { SyncSettingsError, type SyncSettingsStore } from './sync-settings-store';

/** The proxy only reads path and query from this; the origin is never contacted. */
const TEST_URL = `http://proxy.invalid${SYNC_REMOTE_PATH}/`;
const TEST_TIMEOUT_MS = 15_000;

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SyncSettingsError) throw new HandlerError(error.code, error.message);
    throw error;
  }
}

async function testConnection(store: SyncSettingsStore, proxy: SyncProxy): Promise<ConnectionTest> {
  const current = await store.credentials();
  if (current === null) return { outcome: 'not-configured', message: 'Team sync is not set up.' };
  if (current.password === null) {
    return { outcome: 'no-password', message: 'No password is stored for this server and user.' };
  }
  const response = await proxy.forward(
    new Request(TEST_URL, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
    }),
  );
  const body = (await response.json().catch(() => ({}))) as {
    error?: unknown;
    reason?: unknown;
    doc_count?: unknown;
  };
  // A 502 is the proxy's own answer: it names the network failure in `error`.
  if (response.status === 502 && typeof body.error === 'string') {
    const outcome = body.error === 'tls' || body.error === 'redirected' ? body.error : 'unreachable';
    return {
      outcome,
      message: typeof body.reason === 'string' ? body.reason : 'The server could not be reached.',
    };
  }
  const signedIn =
    response.status === 401 && (await credentialsAccepted({ ...current, password: current.password }));
  // Valid credentials refused by the project: a membership question, not a password one.
  const diagnosis = diagnoseStatus(signedIn === true ? 403 : response.status);
  return {
    ...diagnosis,
    status: response.status,
    ...(diagnosis.outcome === 'ok' && typeof body.doc_count === 'number'
      ? { documents: body.doc_count }
      : {}),
  };
}

export function createSyncHandlers(deps: {
  store: SyncSettingsStore;
  proxy: SyncProxy;
}): Pick<Handlers, SyncChannel> {
  return {
    'sync.getSettings': () => guard(() => deps.store.view()),
    'sync.saveSettings': ({ password, ...settings }) => guard(() => deps.store.save(settings, password)),
    'sync.forget': () => guard(() => deps.store.forget()),
    'sync.testConnection': () => guard(() => testConnection(deps.store, deps.proxy)),
  };
}
