/**
 * Column mappings the user saved, kept in this origin's localStorage so the next file of the same shape
 * (a later volume of the same list) imports with one click. Matching a saved mapping to a file's headers
 * is the shared pure function (matchSavedMapping); this module only stores them.
 */
import { z } from 'zod';
import type { SavedMapping } from '@shared/import/mapping';

export const SAVED_MAPPINGS_KEY = 'atmintis.import.savedMappings';

const savedSchema = z.array(
  z.object({
    name: z.string().min(1),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.unknown()),
    savedAt: z.string(),
  }),
);

/** The stored mappings; an unreadable store reads as none (it only holds conveniences, never data). */
export function loadSavedMappings(storage: Storage | undefined = globalThis.localStorage): SavedMapping[] {
  try {
    const raw = storage?.getItem(SAVED_MAPPINGS_KEY);
    if (!raw) return [];
    const parsed = savedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as SavedMapping[]) : [];
  } catch {
    return [];
  }
}

/** Saves under `entry.name`, replacing a mapping of the same name. Throws when storage refuses. */
export function saveMapping(
  entry: SavedMapping,
  storage: Storage | undefined = globalThis.localStorage,
): SavedMapping[] {
  if (!storage) throw new Error('no storage');
  const next = [...loadSavedMappings(storage).filter((m) => m.name !== entry.name), entry];
  storage.setItem(SAVED_MAPPINGS_KEY, JSON.stringify(next));
  return next;
}
