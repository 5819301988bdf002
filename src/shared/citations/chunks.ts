/**
 * Formatting a long bibliography in two steps: the first screen of entries at once, then the whole
 * list. citeproc makes the choices that depend on other entries (a year suffix for two works of an
 * author in one year, a given name added to tell two authors apart) only among the works it is given,
 * so the first step is given the works shown plus every work that could be confused with one of them.
 */
import type { CslItem, CslName } from '../collection/schema';

/** How many entries the first step formats: more than a tall window shows of the list. */
export const FIRST_SCREEN_ENTRIES = 15;

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('und').trim();

const nameKey = (name: CslName) => fold(name.literal ?? name.family ?? '');

/**
 * What an entry could be confused by: every name it prints (authors, editors, translators, any
 * position, since a style may tell apart any name), and for a work with no author or editor the title
 * a style prints in their place.
 */
function confusableKeys(item: CslItem): string[] {
  const people = [...(item.author ?? []), ...(item.editor ?? []), ...(item.translator ?? [])];
  const keys = people.map((name) => `name:${nameKey(name)}`).filter((key) => key !== 'name:');
  if (!item.author?.length && !item.editor?.length) {
    for (const title of [item.title, item['container-title']]) if (title) keys.push(`title:${fold(title)}`);
  }
  return keys;
}

/**
 * The works to format with `shown` so each of them comes out as it does in the whole list: `shown`
 * first, then, in the list's order, every other work sharing a name (or, with no creators, a title)
 * with one of them.
 */
export function disambiguationContext(shown: readonly CslItem[], all: readonly CslItem[]): CslItem[] {
  const keys = new Set(shown.flatMap(confusableKeys));
  const ids = new Set(shown.map((item) => item.id));
  const related = all.filter(
    (item) => !ids.has(item.id) && confusableKeys(item).some((key) => keys.has(key)),
  );
  return [...shown, ...related];
}
