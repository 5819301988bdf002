/**
 * Setting up a project on a sync server over CouchDB's own HTTP API, so the same commands work on the
 * bundled server and on a real CouchDB 3.x: a database per project, `_security` letting in only the
 * project's two roles, a `validate_doc_update` refusing writes from readers, and `_users` accounts.
 */

export type ProjectRole = 'read' | 'read-write';

export interface AdminCredentials {
  name: string;
  password: string;
}

export const readerRole = (project: string) => `atmintis:${project}:read`;
export const writerRole = (project: string) => `atmintis:${project}:write`;
export const ACCESS_DESIGN_DOC = '_design/atmintis-access';

export class ServerAdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerAdminError';
  }
}

/**
 * The CouchDB way to make members read-only: server and database admins pass, holders of the writer
 * role pass, every other member is refused with 403. Written in ES5: CouchDB's JavaScript engine runs it.
 */
export function validateDocUpdateSource(project: string): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  var admins = (secObj && secObj.admins) || {};
  if ((admins.names || []).indexOf(userCtx.name) !== -1) return;
  for (var i = 0; i < roles.length; i++) {
    if ((admins.roles || []).indexOf(roles[i]) !== -1) return;
  }
  if (roles.indexOf(${JSON.stringify(writerRole(project))}) === -1) {
    throw { forbidden: 'This account may read this project but not change it.' };
  }
}`;
}

export function securityObject(project: string) {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [readerRole(project), writerRole(project)] },
  };
}

function client(serverUrl: string, admin: AdminCredentials) {
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    let response: Response;
    try {
      response = await fetch(`${serverUrl.replace(/\/+$/, '')}/${path}`, {
        method,
        headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ServerAdminError(`${serverUrl} cannot be reached: ${(error as Error).message}`);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.status === 401) {
      throw new ServerAdminError(`${serverUrl} refused the administrator's name or password (401).`);
    }
    return { status: response.status, json };
  };
}

function expectOk(what: string, answer: { status: number; json: unknown }, alsoOk: number[] = []): void {
  if ((answer.status >= 200 && answer.status < 300) || alsoOk.includes(answer.status)) return;
  throw new ServerAdminError(`${what} failed (${answer.status}): ${JSON.stringify(answer.json)}`);
}

const revisionOf = (json: unknown) =>
  typeof json === 'object' && json !== null && typeof (json as { _rev?: unknown })._rev === 'string'
    ? (json as { _rev: string })._rev
    : undefined;

export async function createProject(
  serverUrl: string,
  admin: AdminCredentials,
  project: string,
): Promise<void> {
  const call = client(serverUrl, admin);
  const db = encodeURIComponent(project);
  // 412: the database exists already; its security and access rule are (re)applied below.
  expectOk(`Creating the database "${project}"`, await call('PUT', db), [412]);
  expectOk(
    `Setting _security of "${project}"`,
    await call('PUT', `${db}/_security`, securityObject(project)),
  );
  const existing = await call('GET', `${db}/${ACCESS_DESIGN_DOC}`);
  const rev = existing.status === 200 ? revisionOf(existing.json) : undefined;
  expectOk(
    `Writing ${ACCESS_DESIGN_DOC} in "${project}"`,
    await call('PUT', `${db}/${ACCESS_DESIGN_DOC}`, {
      ...(rev ? { _rev: rev } : {}),
      validate_doc_update: validateDocUpdateSource(project),
    }),
  );
}

export async function addUser(
  serverUrl: string,
  admin: AdminCredentials,
  user: { project: string; name: string; password: string; role: ProjectRole },
): Promise<void> {
  const call = client(serverUrl, admin);
  const id = `org.couchdb.user:${user.name}`;
  const path = `_users/${encodeURIComponent(id)}`;
  const existing = await call('GET', path);
  const current = existing.status === 200 ? (existing.json as { _rev: string; roles?: string[] }) : undefined;
  // Other projects' roles stay; this project's role is replaced by the one asked for.
  const otherRoles = (current?.roles ?? []).filter(
    (role) => role !== readerRole(user.project) && role !== writerRole(user.project),
  );
  const role = user.role === 'read-write' ? writerRole(user.project) : readerRole(user.project);
  expectOk(
    `Saving the account "${user.name}"`,
    await call('PUT', path, {
      ...(current ? { ...current } : {}),
      _id: id,
      name: user.name,
      type: 'user',
      roles: [...otherRoles, role],
      password: user.password,
    }),
  );
}
