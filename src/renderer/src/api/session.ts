/**
 * The renderer's session state: what belongs to one open window of the app and outlives a view (the
 * last search query, a pending focus request, the default notes database, the search history store).
 *
 * Each feature declares its slot next to its code with `sessionValue(create)`; the instances live in
 * one `Session`, created once by <ApiProvider> (App). So no module holds session state, and a test that
 * renders a fresh provider gets a fresh session.
 */
export interface SessionValue<T> {
  readonly create: () => T;
}

/** Declares a session slot; `create` runs on first use in each session. */
export function sessionValue<T>(create: () => T): SessionValue<T> {
  return { create };
}

export interface Session {
  get<T>(value: SessionValue<T>): T;
}

export function createSession(): Session {
  const values = new Map<SessionValue<unknown>, unknown>();
  return {
    get<T>(value: SessionValue<T>): T {
      if (!values.has(value)) values.set(value, value.create());
      return values.get(value) as T;
    },
  };
}
