/**
 * Every editor with unsaved keystrokes registers its flush here, so code that is not inside the editor
 * (the window about to close, see backup-scheduler.ts) can save them all before anything else happens.
 */
type Flush = () => Promise<void>;

const flushes = new Set<Flush>();

/** Returns the unregister function. */
export function registerPendingSave(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Saves every pending draft; one failing editor does not stop the others (each reports its own error). */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}
