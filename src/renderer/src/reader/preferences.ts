/**
 * Reading preferences (font size, line width, theme) and the reading position of each document, kept
 * in localStorage: they are conveniences, not user data, and must never block reading if storage fails.
 */
import { z } from 'zod';

export const THEMES = ['light', 'sepia', 'dark'] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const FONT_SIZES = { min: 14, max: 28, step: 2 } as const;

const preferencesSchema = z.object({
  fontSize: z.number().int().min(FONT_SIZES.min).max(FONT_SIZES.max).catch(18),
  lineWidth: z.enum(LINE_WIDTHS).catch('medium'),
  theme: z.enum(THEMES).catch('light'),
});
export type ReadingPreferences = z.output<typeof preferencesSchema>;

const PREFERENCES_KEY = 'atmintis.reader.preferences';
const POSITION_PREFIX = 'atmintis.reader.position.';

export const DEFAULT_PREFERENCES: ReadingPreferences = { fontSize: 18, lineWidth: 'medium', theme: 'light' };

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the preference simply is not remembered.
  }
}

export function loadPreferences(): ReadingPreferences {
  const parsed = preferencesSchema.safeParse(readJson(PREFERENCES_KEY) ?? {});
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

export function savePreferences(preferences: ReadingPreferences): void {
  writeJson(PREFERENCES_KEY, preferences);
}

/** Where the reader was in a document: the text offset of the first visible character. */
export function loadPosition(documentKey: string): number | null {
  const parsed = z
    .number()
    .int()
    .nonnegative()
    .safeParse(readJson(POSITION_PREFIX + documentKey));
  return parsed.success ? parsed.data : null;
}

export function savePosition(documentKey: string, offset: number): void {
  writeJson(POSITION_PREFIX + documentKey, Math.max(0, Math.round(offset)));
}
