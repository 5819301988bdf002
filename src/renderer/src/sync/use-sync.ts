/**
 * The sync service of this window's notes database, for components, and its status as React state.
 * Tests that want their own replica give a service through <SyncServiceProvider>.
 */
import { createContext, createElement, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useNotes, useNotesDatabase } from '../notes/NotesContext';
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

/**
 * The same service for the app's chrome, which must not start the notes' backup scheduler just to
 * show a status; null where the window has no notes database (a test without a session).
 */
export function useWindowSyncService(): SyncService | null {
  const given = useContext(SyncServiceContext);
  const db = useNotesDatabase();
  if (given) return given;
  return db ? syncServiceFor(db) : null;
}

/** Re-renders on every status, author or conflict change; answers the service's change count. */
export function useSyncChanges(service: SyncService): number {
  return useSyncExternalStore(service.changes.subscribe, service.changes.version);
}

/** Re-renders when a background or asked-for receive of shared collections or photos starts or ends. */
export function useReceiverChanges(service: SyncService): number {
  return useSyncExternalStore(service.receiver.changes.subscribe, service.receiver.changes.version);
}
