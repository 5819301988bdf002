/**
 * One decisions repository per window, over the same database as the notes (so decisions are backed
 * up and restored with them). Components call `useDecisions()`; a test passes its own repository with
 * `<DecisionsProvider repository={…}>`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { NotesDatabase } from '../notes/db';
import { useNotesDatabase } from '../notes/NotesContext';
import { DecisionsRepository } from './decisions-repository';

const DecisionsContext = createContext<DecisionsRepository | null>(null);

export function DecisionsProvider({
  repository,
  children,
}: {
  repository: DecisionsRepository;
  children: ReactNode;
}) {
  return <DecisionsContext.Provider value={repository}>{children}</DecisionsContext.Provider>;
}

/**
 * One repository per database, wherever the database came from (the session's or a test's notes
 * provider), so every component sees the same `changes` signal; keyed weakly, so it goes with it.
 */
const repositories = new WeakMap<NotesDatabase, DecisionsRepository>();

function repositoryFor(db: NotesDatabase): DecisionsRepository {
  let repository = repositories.get(db);
  if (!repository) repositories.set(db, (repository = new DecisionsRepository(db)));
  return repository;
}

/** The window's decisions repository. */
export function useDecisions(): DecisionsRepository {
  const given = useContext(DecisionsContext);
  const database = useNotesDatabase();
  if (given) return given;
  if (!database) throw new Error('useDecisions() must be used inside <ApiProvider> or <DecisionsProvider>');
  return repositoryFor(database);
}
