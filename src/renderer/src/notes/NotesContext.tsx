/**
 * One notes database, repository and backup scheduler per window, shared by every component that shows
 * notes (the Notes view, record pages, the reader). Components call `useNotes()`; the default
 * repository is a session value (created on first use in the window's Session), and a test that wants
 * its own database passes one (`<NotesProvider repository={…}>`).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { AtmintisApi } from '@shared/ipc/api';
import { useApi, useOptionalSession, useSession } from '../api/ApiContext';
import { sessionValue } from '../api/session';
import { useResult } from '../api/use-result';
import { ok } from '@shared/result';
import { BackupScheduler } from './backup-scheduler';
import { NotesDatabase } from './db';
import { NotesRepository } from './repository';

interface NotesRuntime {
  repository: NotesRepository;
  scheduler: BackupScheduler;
}

const NotesContext = createContext<NotesRepository | null>(null);

export function NotesProvider({
  repository,
  children,
}: {
  repository: NotesRepository;
  children: ReactNode;
}) {
  return <NotesContext.Provider value={repository}>{children}</NotesContext.Provider>;
}

const defaultRepository = sessionValue(() => {
  const repository = new NotesRepository(new NotesDatabase());
  // Trash older than 30 days goes at the first start of notes in a window; failures only delay it.
  void repository.purgeExpired().catch(() => undefined);
  return repository;
});

/**
 * One started scheduler per repository and API, wherever the repository came from (session or a
 * test's provider); keyed weakly by both, so it goes with them.
 */
const runtimes = new WeakMap<NotesRepository, WeakMap<AtmintisApi, BackupScheduler>>();

function schedulerFor(repository: NotesRepository, api: AtmintisApi): BackupScheduler {
  let byApi = runtimes.get(repository);
  if (!byApi) runtimes.set(repository, (byApi = new WeakMap()));
  let scheduler = byApi.get(api);
  if (!scheduler) {
    scheduler = new BackupScheduler(api, repository);
    scheduler.start();
    byApi.set(api, scheduler);
  }
  return scheduler;
}

/** The notes repository and the automatic-backup scheduler (started on first use). */
export function useNotes(): NotesRuntime {
  const api = useApi();
  const session = useSession();
  // The session's database is opened only when no provider gives one.
  const repository = useContext(NotesContext) ?? session.get(defaultRepository);
  return { repository, scheduler: schedulerFor(repository, api) };
}

/**
 * The notes database of this window (the provider's repository's, else the session's), for other
 * stores kept in it (linkage decisions). Without a provider or a session it answers null.
 */
export function useNotesDatabase(): NotesDatabase | null {
  const given = useContext(NotesContext);
  const session = useOptionalSession();
  if (given) return given.db;
  return session ? session.get(defaultRepository).db : null;
}

export type PersistState = 'unsupported' | 'granted' | 'denied' | 'checking';

/**
 * Asks the browser to keep this origin's storage even under disk pressure
 * (`navigator.storage.persist()`), and reports whether it agreed.
 */
export function usePersistentStorage(): PersistState {
  const storage = navigator.storage as StorageManager | undefined;
  const supported = typeof storage?.persist === 'function';
  const asked = useResult(
    async () => ok(supported && ((await storage.persisted()) || (await storage.persist()))),
    [supported],
  );
  if (!supported) return 'unsupported';
  if (asked.status === 'loading') return 'checking';
  return asked.status === 'ok' && asked.value ? 'granted' : 'denied';
}
