import { isTrustedOrigin } from './origin';

/**
 * Permission policy: deny everything, except persistent storage for the app's own origin (it keeps the
 * browser from evicting the IndexedDB that holds users' notes).
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  trustedOrigins: readonly string[],
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedOrigin(requestingUrl, trustedOrigins);
}
