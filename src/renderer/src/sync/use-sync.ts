/**
 * The sync service of this window's notes database, for components, and its status as React state.
 * Tests that want their own replica give a service through <SyncServiceProvider>.
 */
import { createContext, createElement, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useNotes } from '../notes/NotesContext';
import { syncServiceFor, type SyncService } from './sync-service';

const SyncServiceContext = createContext<SyncService | null>(null);

export function SyncServiceProvider({ service, children }: { service: SyncService; children: ReactNode }) {
  return createElement(SyncServiceContext.Provider, { value: service }, children);
}

export function useSyncService(): SyncService {
  const given = useContext(SyncServiceContext);
  const { repository } = useNotes();
  return given ?? syncServiceFor(repository.db);
}

/** Re-renders on every status, author or conflict change; answers the service's change count. */
export function useSyncChanges(service: SyncService): number {
  return useSyncExternalStore(service.changes.subscribe, service.changes.version);
}
