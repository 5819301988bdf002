import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber } from '../collection/format';

export const SUPPORTED_LANGUAGES = ['en', 'lt'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Where the reader's explicit choice is remembered; without one the language follows the OS. */
export const LANGUAGE_STORAGE_KEY = 'atmintis.language';

type Messages = Record<string, unknown>;

/**
 * Translations live in locales/<language>/<section>.json; each file becomes the top-level key named
 * after it, so locales/en/search.json holds every `search.*` string. Features own their own files.
 */
const files = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' });

export function loadResources(): Record<string, { translation: Messages }> {
  const resources: Record<string, { translation: Messages }> = {};
  for (const [path, messages] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const language = (resources[match[1]] ??= { translation: {} });
    language.translation[match[2]] = messages;
  }
  return resources;
}

/** "lt-LT" → "lt"; anything we have no translation for → English. */
export function supportedLanguage(tag: string | null | undefined): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

/** localStorage can be missing or throw (private modes, sandboxed tests): a lost preference is harmless. */
function storedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The reader's saved choice wins; otherwise the first OS language we have a translation for. */
export function preferredLanguage(
  stored: string | null = storedLanguage(),
  osLanguages: readonly string[] = navigator.languages?.length ? navigator.languages : [navigator.language],
): Language {
  if (stored) return supportedLanguage(stored);
  for (const tag of osLanguages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if ((SUPPORTED_LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/**
 * Every number a translation interpolates ("{{count}} records") is written the way the interface
 * language writes numbers (en 11,499; lt 11 499): the strings need no format hint, and no call site
 * can forget one. Values that merely look like numbers (years, ids) are passed as strings.
 */
const numberFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format(value: unknown, format: string | undefined, language: string | undefined): unknown {
    if (typeof value !== 'number' || (format !== undefined && format !== 'number')) return value;
    return formatNumber(value, language ?? 'en');
  },
};

/** Every UI string goes through i18next from the first component. */
export async function initI18n(language: string = preferredLanguage()) {
  await i18next
    .use(initReactI18next)
    .use(numberFormatter)
    .init({
      resources: loadResources(),
      lng: supportedLanguage(language),
      fallbackLng: 'en',
      supportedLngs: [...SUPPORTED_LANGUAGES],
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/**
 * Switches the interface language without a restart: react-i18next re-renders every component that
 * uses `t`, and formatters read `i18n.language`. The choice is remembered for the next start.
 */
export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Remembering is a convenience: the switch itself has already happened.
  }
}
