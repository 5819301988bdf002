import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const SUPPORTED_LANGUAGES = ['en'] as const;

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

/** Every UI string goes through i18next from the first component; Lithuanian arrives as its own locale. */
export async function initI18n(language: string = navigator.language) {
  await i18next.use(initReactI18next).init({
    resources: loadResources(),
    lng: language.split('-')[0],
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
