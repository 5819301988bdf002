/**
 * Which parts of a reference are unknown. A wrong citation is worse than none: a work the collection
 * knows only as "Bugai 1992" is cited as such, with a visible mark that its title is unknown, never with
 * a guessed one.
 */
import { INCOMPLETE_REFERENCE_PARTS, type CslItem, type IncompleteReferencePart } from '../collection/schema';

/**
 * The parts the entry declares unknown (`"atmintis-incomplete"`), and a title whenever it has none or only
 * our description in square brackets ("[Klaipėda events page]"), so imported collections are marked too.
 * In a fixed order: title, author, editor, issued, publisher.
 */
export function incompleteParts(item: CslItem): IncompleteReferencePart[] {
  const parts = new Set<IncompleteReferencePart>(item['atmintis-incomplete'] ?? []);
  const title = item.title?.trim();
  if (!title || (title.startsWith('[') && title.endsWith(']'))) parts.add('title');
  return INCOMPLETE_REFERENCE_PARTS.filter((part) => parts.has(part));
}
