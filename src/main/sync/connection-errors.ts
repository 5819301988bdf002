/**
 * What went wrong talking to the sync server, in the terms a user can act on: the password, the
 * account's rights, the project's name, the network, or the server's certificate.
 */
import type { ConnectionOutcome } from '@shared/ipc/channels/sync';

export interface Diagnosis {
  outcome: ConnectionOutcome;
  message: string;
}

export function diagnoseStatus(status: number): Diagnosis {
  if (status >= 200 && status < 300) return { outcome: 'ok', message: 'Connected to the project.' };
  if (status === 401) {
    return { outcome: 'wrong-password', message: 'The server refused the user name or password (401).' };
  }
  if (status === 403) {
    return {
      outcome: 'forbidden',
      message: 'The account signed in but may not use this project (403). Ask the project administrator.',
    };
  }
  if (status === 404) {
    return { outcome: 'not-found', message: 'The server has no project with this name (404).' };
  }
  if (status >= 300 && status < 400) {
    return {
      outcome: 'redirected',
      message: `The server answered with a redirect (${status}); enter the address it finally serves from.`,
    };
  }
  return { outcome: 'server-error', message: `The server answered with an error (${status}).` };
}

const TLS_CODES = /^(?:CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT)/;

/** The system error code fetch wraps (undici puts it on `cause`, sometimes one level deeper). */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function diagnoseNetworkError(error: unknown): Diagnosis {
  const code = errorCode(error);
  if (code !== undefined && TLS_CODES.test(code)) {
    return {
      outcome: 'tls',
      message: `The server's certificate was not accepted (${code}), so the connection was not trusted.`,
    };
  }
  const name = error instanceof Error ? error.name : '';
  const why = code ?? (name === 'TimeoutError' ? 'no answer in time' : name || 'network error');
  return { outcome: 'unreachable', message: `The server could not be reached (${why}).` };
}
