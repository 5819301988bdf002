// pouchdb-browser reads `self` when it loads; Node has no `self`. Imported before it by bench/sync.ts.
(globalThis as { self?: unknown }).self ??= globalThis;
