import type { ReactNode } from 'react';
import type { SearchDocument } from '@shared/search/documents';
import type { SearchHit, SearchMatch } from '@shared/search/response';

/** Text with the given `[start, end)` ranges wrapped in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at || end > text.length) return;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

export interface Snippet {
  match: SearchMatch | null;
  text: string;
  ranges: [number, number][];
}

const CONTEXT = 80;

/** A window of `text` around the first range, with ellipses where it was cut. */
export function excerpt(
  text: string,
  ranges: readonly [number, number][],
): { text: string; ranges: [number, number][] } {
  const first = ranges[0];
  if (text.length <= CONTEXT * 2 || !first) {
    return {
      text: text.length > CONTEXT * 2 ? `${text.slice(0, CONTEXT * 2).trimEnd()}…` : text,
      ranges: [...ranges] as [number, number][],
    };
  }
  let from = Math.max(0, first[0] - CONTEXT);
  let to = Math.min(text.length, first[1] + CONTEXT);
  // Cut at word boundaries.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > first[1] ? text.lastIndexOf(' ', to) : to;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shifted = ranges
    .filter(([a, b]) => a >= from && b <= to)
    .map(([a, b]) => [a - from + prefix.length, b - from + prefix.length] as [number, number]);
  return { text: `${prefix}${text.slice(from, to)}${suffix}`, ranges: shifted };
}

/** The snippet shown under a result: the best match outside the title, else the start of its text. */
export function snippetOf(doc: SearchDocument, hit: SearchHit): Snippet {
  const match = hit.matches.find((m) => m.field !== 'title' && m.field !== 'years') ?? null;
  if (match) {
    const original = doc.fields[match.field]?.[match.value] ?? '';
    return { match, ...excerpt(original, match.ranges) };
  }
  const fallback = doc.fields.summary?.[0] ?? doc.fields.body?.[0] ?? '';
  return { match: null, ...excerpt(fallback, []) };
}

/** Title highlights, when the title shown is the indexed title. */
export function titleRanges(doc: SearchDocument, hit: SearchHit): [number, number][] {
  if (doc.fields.title?.[0] !== doc.title) return [];
  return hit.matches.find((m) => m.field === 'title' && m.value === 0)?.ranges ?? [];
}
