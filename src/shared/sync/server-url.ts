/**
 * Which sync servers the app may talk to, and how a project (CouchDB database) may be named. Pure, so
 * the settings schema, the main-process proxy and the settings form all apply the very same rule.
 *
 * The password travels with every request, so it may only cross the network encrypted: HTTPS always,
 * plain HTTP only to this machine (loopback), where nothing is on the wire.
 */

export type ServerUrlProblem = 'invalid' | 'not-https' | 'credentials-in-url' | 'query-or-fragment';

export type ServerUrlCheck = { ok: true; url: string } | { ok: false; problem: ServerUrlProblem };

/** localhost, 127.0.0.0/8 and ::1 (as WHATWG URL spells them). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The server URL as the proxy will use it (no trailing slash), or why it is refused. A path is kept
 * (a CouchDB behind a reverse proxy at https://host/couchdb); credentials in the URL are refused so
 * the password is only ever kept encrypted, never in a settings file.
 */
export function checkServerUrl(input: string): ServerUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, problem: 'not-https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials-in-url' };
  if (url.search !== '' || url.hash !== '') return { ok: false, problem: 'query-or-fragment' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export const SERVER_URL_MESSAGES: Readonly<Record<ServerUrlProblem, string>> = {
  invalid: 'must be a web address starting with https:// (or http:// for this computer)',
  'not-https':
    'must use https:// — plain http:// is allowed only for a server on this computer (localhost, 127.0.0.1, ::1), because the password travels with every request',
  'credentials-in-url': 'must not contain a user name or password; enter them in their own fields',
  'query-or-fragment': 'must not contain ? or #',
};

/**
 * CouchDB's own rule for database names, minus "/" (which would make the proxy's path mapping
 * ambiguous): a lowercase letter, then lowercase letters, digits and _ $ ( ) + -.
 */
export const PROJECT_NAME_PATTERN = /^[a-z][a-z0-9_$()+-]*$/;
export const MAX_PROJECT_NAME_LENGTH = 200;
