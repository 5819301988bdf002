import { isHttpUrl } from '@shared/ipc/contract';
import { isTrustedOrigin } from './origin';

/** In-app navigation stays inside the app origin; everything else is refused. */
export function isNavigationAllowed(url: string, trustedOrigins: readonly string[]): boolean {
  return isTrustedOrigin(url, trustedOrigins);
}

/** Only plain web links may leave the app, and only to the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  return isHttpUrl(url);
}
