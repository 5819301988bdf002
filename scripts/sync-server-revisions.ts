/**
 * Keeps replicated revision histories intact on the sync server.
 *
 * express-pouchdb runs `validate_doc_update` through pouchdb-validation 4.2.0, which sets every
 * incoming document's `_revisions` to the stored document's before validating. For an ordinary write
 * that is harmless, but replication writes with `new_edits: false`, where `_revisions` IS the
 * revision: the server then answers 201 and stores nothing, so every edit of a note that already
 * exists on the server is silently lost (found by tests/e2e/sync-team.test.ts). CouchDB itself never
 * touches the history. Here each such document's history is made immune to that assignment before
 * validation sees it; validation itself (the read-only role) is unchanged.
 */

type BulkDocs = (this: unknown, ...args: unknown[]) => unknown;
interface WrappableDb {
  bulkDocs: BulkDocs;
}
type DbWrapperRegistry = {
  registerWrapper(wrapper: (name: string, db: WrappableDb, next: () => unknown) => unknown): void;
};

function keepHistory(doc: unknown): void {
  if (typeof doc !== 'object' || doc === null || !('_revisions' in doc)) return;
  const history = (doc as { _revisions: unknown })._revisions;
  Object.defineProperty(doc, '_revisions', {
    enumerable: true,
    configurable: true,
    get: () => history,
    // pouchdb-validation's assignment of the stored document's history is what is ignored here.
    set: () => undefined,
  });
}

/** bulkDocs(docs | { docs, new_edits }, options?, callback?) as PouchDB accepts it. */
export function protectReplicatedHistory(args: readonly unknown[]): void {
  const [request, options] = args as [unknown, { new_edits?: boolean } | undefined];
  const body: { docs?: unknown[]; new_edits?: boolean } | undefined = Array.isArray(request)
    ? { docs: request }
    : (request as { docs?: unknown[]; new_edits?: boolean } | undefined);
  const newEdits = body?.new_edits ?? (typeof options === 'object' ? options?.new_edits : undefined);
  if (newEdits !== false) return;
  for (const doc of body?.docs ?? []) keepHistory(doc);
}

/** Registers the protection on every database express-pouchdb opens (after its validation wrapper). */
export function keepReplicatedHistories(app: { dbWrapper: DbWrapperRegistry }): void {
  app.dbWrapper.registerWrapper((_name, db, next) => {
    const validating = db.bulkDocs;
    db.bulkDocs = function (this: unknown, ...args: unknown[]) {
      protectReplicatedHistory(args);
      return validating.apply(this, args);
    };
    return next();
  });
}
