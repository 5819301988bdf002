/**
 * The last linkage run of this window: its snapshot (what the next run re-scores against) and the
 * records it linked (titles for the queue). Kept for the window session only, so leaving the Linkage
 * view and coming back shows the same queue; decisions themselves live in IndexedDB.
 */
import { sessionValue } from '../api/session';
import type { LinkRecord } from '@shared/linkage/types';
import type { LinkageSnapshot } from './incremental-run';

/** How the last run went about it, for the summary line. */
export interface RunSummary {
  mode: 'full' | 'incremental' | 'unchanged';
  /** Records whose pairs were scored again (incremental runs). */
  rescored: number;
  removed: number;
}

export interface LinkageSessionState {
  snapshot: LinkageSnapshot;
  records: ReadonlyMap<string, LinkRecord>;
  summary: RunSummary;
}

export interface LastRunStore {
  get(): LinkageSessionState | null;
  set(state: LinkageSessionState): void;
}

export const lastLinkageRun = sessionValue<LastRunStore>(() => {
  let last: LinkageSessionState | null = null;
  return {
    get: () => last,
    set: (state) => {
      last = state;
    },
  };
});
