/**
 * The app's own origin. IndexedDB (and so every personal note) is bound to it: it must never change,
 * or users' notes would be stranded in an origin the app no longer loads.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'atmintis';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Origin of a URL, or null when it has none we trust (opaque origins, unparsable strings). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom standard schemes report origin "null" in Node's URL; build it the way Chromium does.
    if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host}`;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

export function isTrustedOrigin(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}
