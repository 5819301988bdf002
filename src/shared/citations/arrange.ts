/**
 * Showing a formatted bibliography in another order or subset than the style's. Pure data in, so a
 * bibliography formatted in a worker (and sent back as plain objects) is arranged on the page.
 *
 * A style's subsequent-author-substitute ("———" in MLA) stands for the names of the entry above it in
 * the style's own order; shown in another order or filtered, that entry may be another author's.
 */
import type { CslItem, CslName } from '../collection/schema';

/** One formatted reference: HTML as citeproc writes it (escaped text, <i>, <b>…) and plain text. */
export interface FormattedText {
  html: string;
  text: string;
}

export interface FormattedReference extends FormattedText {
  id: string;
}

/** A whole list as the formatter makes it: plain data, so it can cross from a worker. */
export interface BibliographyData {
  /** Every reference in the style's order, as the style prints the whole list. */
  references: FormattedReference[];
  /** The same references with every author written out; null when the style never substitutes. */
  writtenOut: FormattedReference[] | null;
}

/** A bibliography formatted once, to be shown in any order and any subset. */
export interface FormattedBibliography {
  /** Every reference in the style's order, as the style prints the whole list. */
  references: FormattedReference[];
  /**
   * The references of these works (ids, in the order shown), each with the author substitute only where
   * the entry shown directly above it has the same authors; elsewhere the names are written out. A work
   * the style cannot print is absent from the map.
   */
  arrange(shownIds: readonly string[]): Map<string, FormattedReference>;
}

export function arrangeBibliography(
  data: BibliographyData,
  items: readonly CslItem[],
): FormattedBibliography {
  const inStyleOrder = data.references;
  const writtenOut = new Map((data.writtenOut ?? inStyleOrder).map((entry) => [entry.id, entry]));
  const works = new Map(items.map((item) => [item.id, item]));
  // The entry each one follows in the style's order: the one whose names a substitute stands for.
  const styleAbove = new Map<string, string | undefined>(
    inStyleOrder.map((entry, index) => [entry.id, inStyleOrder[index - 1]?.id]),
  );
  const substituted = new Map(inStyleOrder.map((entry) => [entry.id, entry]));
  const arrange = (shownIds: readonly string[]): Map<string, FormattedReference> => {
    const shown = new Map<string, FormattedReference>();
    let above: string | undefined;
    for (const id of shownIds) {
      const full = writtenOut.get(id);
      const styled = substituted.get(id);
      if (!full || !styled) continue;
      const usesSubstitute = styled.text !== full.text;
      const styleAboveId = styleAbove.get(id);
      const sameNamesAbove =
        above !== undefined &&
        styleAboveId !== undefined &&
        (above === styleAboveId || sameCreators(works.get(above), works.get(styleAboveId)));
      shown.set(id, usesSubstitute && !sameNamesAbove ? full : styled);
      above = id;
    }
    return shown;
  };
  return { references: inStyleOrder, arrange };
}

/**
 * Whether two works print the same names: the same authors, or with no authors the same editors. Two works
 * with neither never count as the same (a style would substitute a title or a publisher).
 */
function sameCreators(a: CslItem | undefined, b: CslItem | undefined): boolean {
  if (!a || !b) return false;
  const key = (role: string, names: CslName[]) =>
    JSON.stringify([
      role,
      ...names.map((name) => [
        name.literal,
        name.family,
        name.given,
        name['non-dropping-particle'],
        name['dropping-particle'],
        name.suffix,
      ]),
    ]);
  const creators = (item: CslItem) => {
    if (item.author && item.author.length > 0) return key('author', item.author);
    if (item.editor && item.editor.length > 0) return key('editor', item.editor);
    return null;
  };
  const names = creators(a);
  return names !== null && names === creators(b);
}
