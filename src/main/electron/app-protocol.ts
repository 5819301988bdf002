import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../security/origin';
import { resolveStaticPath, staticHeaders } from '../static/static-files';

/** Must run before `app.ready`: makes app:// a secure, standard origin with fetch and code cache. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
} as const;

/** Serves the built renderer at app://atmintis/ with the same headers (CSP included) as the web harness. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const filePath = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : null;
    if (!filePath) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(filePath), { status: 200, headers: staticHeaders(filePath) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
