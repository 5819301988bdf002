import type { Session } from 'electron';
import { isPermissionAllowed } from '../security/permissions';
import { originOf } from '../security/origin';

/** Schemes the app may load from besides its own origins: inline data and blobs the app itself made. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

/** Whether a request may leave the renderer at all: the app is offline by design. */
function isRequestAllowed(url: string, trustedOrigins: readonly string[]): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(protocol)) return true;
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

export function applySessionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
  trustedOrigins: readonly string[],
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, trustedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trustedOrigins),
  );
  // Defence in depth behind the CSP: nothing the renderer does may reach the network.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, trustedOrigins) });
  });
}
