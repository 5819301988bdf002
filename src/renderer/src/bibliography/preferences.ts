/**
 * The reader's chosen citation style and reference language, remembered in localStorage and shared by
 * every component showing citations (the Bibliography view, every "Cite this" dialog).
 */
import { useSyncExternalStore } from 'react';
import {
  DEFAULT_LOCALE_ID,
  DEFAULT_STYLE_ID,
  isCitationStyleId,
  isCslLocaleId,
  type CitationStyleId,
  type CslLocaleId,
} from '@shared/citations/styles';

export const STYLE_STORAGE_KEY = 'atmintis.citation.style';
export const LOCALE_STORAGE_KEY = 'atmintis.citation.locale';

export interface CitationPreferences {
  style: CitationStyleId;
  locale: CslLocaleId;
}

/**
 * Module-level on purpose: the preferences live in localStorage, shared by every window of the app
 * (the `storage` event carries another window's change); this is only the snapshot React reads
 * (useSyncExternalStore needs the same object until it changes) and who to tell of a change.
 */
const listeners = new Set<() => void>();
let cached: CitationPreferences | null = null;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage can be unavailable (disabled, sandboxed): the defaults still work.
    return null;
  }
}

function load(): CitationPreferences {
  const style = read(STYLE_STORAGE_KEY);
  const locale = read(LOCALE_STORAGE_KEY);
  return {
    style: isCitationStyleId(style) ? style : DEFAULT_STYLE_ID,
    locale: isCslLocaleId(locale) ? locale : DEFAULT_LOCALE_ID,
  };
}

export function getCitationPreferences(): CitationPreferences {
  return (cached ??= load());
}

export function setCitationPreferences(patch: Partial<CitationPreferences>): void {
  const next = { ...getCitationPreferences(), ...patch };
  try {
    localStorage.setItem(STYLE_STORAGE_KEY, next.style);
    localStorage.setItem(LOCALE_STORAGE_KEY, next.locale);
  } catch {
    // Not remembered across restarts, but still applied now.
  }
  cached = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window of the app changed it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STYLE_STORAGE_KEY || event.key === LOCALE_STORAGE_KEY) {
      cached = load();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useCitationPreferences(): [
  CitationPreferences,
  (patch: Partial<CitationPreferences>) => void,
] {
  const preferences = useSyncExternalStore(subscribe, getCitationPreferences);
  return [preferences, setCitationPreferences];
}

/** Forget the cached value (tests start from a fresh localStorage). */
export function resetCitationPreferencesCache(): void {
  cached = null;
}
