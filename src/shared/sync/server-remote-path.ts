/**
 * The renderer's one door to the team's sync server: a same-origin path (app://atmintis/sync/remote in
 * Electron, http://127.0.0.1:<port>/sync/remote in the web harness) that the main process forwards to
 * `<server URL>/<project>` of the one server the user configured, adding the credentials there. The
 * renderer's PouchDB uses `${location.origin}${SYNC_REMOTE_PATH}` as its remote database, so the CSP
 * stays `connect-src 'self'` and the renderer never holds the password.
 */
export const SYNC_REMOTE_PATH = '/sync/remote';
