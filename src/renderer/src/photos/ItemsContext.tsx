/**
 * One items repository per window, over the notes database (so items are backed up and restored with
 * the notes). Components call `useItems()`; a test passes its own with `<ItemsProvider repository={…}>`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { NotesDatabase } from '../notes/db';
import { useNotesDatabase } from '../notes/NotesContext';
import { ItemsRepository } from './items-repository';

const ItemsContext = createContext<ItemsRepository | null>(null);

export function ItemsProvider({
  repository,
  children,
}: {
  repository: ItemsRepository;
  children: ReactNode;
}) {
  return <ItemsContext.Provider value={repository}>{children}</ItemsContext.Provider>;
}

/** One repository per database, so every component sees the same `changes` signal; keyed weakly. */
const repositories = new WeakMap<NotesDatabase, ItemsRepository>();

export function useItems(): ItemsRepository {
  const given = useContext(ItemsContext);
  const database = useNotesDatabase();
  if (given) return given;
  if (!database) throw new Error('useItems() must be used inside <ApiProvider> or <ItemsProvider>');
  let repository = repositories.get(database);
  if (!repository) repositories.set(database, (repository = new ItemsRepository(database)));
  return repository;
}
