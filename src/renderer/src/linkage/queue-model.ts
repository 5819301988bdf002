/**
 * The review queue as pure data: candidates in score order with their current decisions, the score
 * bands, the filters, moving through the queue, the next undecided pair after a decision, and which
 * key does what. The components only render this.
 */
import { DEFAULT_THRESHOLD } from '@shared/linkage/run';
import { pairKey } from '@shared/linkage/groups';
import type { Candidate, Decision, DecisionKind } from '@shared/linkage/types';

/**
 * Score bands: at or above the threshold ("likely"); up to BORDERLINE_BITS below it ("borderline":
 * a likelihood ratio within a factor of 16 of the threshold's); below that ("low").
 */
export const BANDS = ['likely', 'borderline', 'low'] as const;
export type Band = (typeof BANDS)[number];
export const BORDERLINE_BITS = 4;

export function bandOf(score: number, threshold = DEFAULT_THRESHOLD): Band {
  if (score >= threshold) return 'likely';
  return score >= threshold - BORDERLINE_BITS ? 'borderline' : 'low';
}

export const DECISION_FILTERS = ['all', 'undecided', 'same', 'different', 'unsure'] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];

export interface QueueFilters {
  /** A collection id (pairs with a record in it), or 'all'. */
  collection: string;
  band: Band | 'all';
  decision: DecisionFilter;
}

export const NO_FILTERS: QueueFilters = { collection: 'all', band: 'all', decision: 'all' };

export interface QueueItem {
  key: string;
  candidate: Candidate;
  decision: Decision | undefined;
  band: Band;
}

/** A linkage record id is `<collection>/<record>`; collection ids hold no slash. */
export const collectionOf = (id: string): string => {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
};

export const recordOf = (id: string): string => id.slice(collectionOf(id).length + 1);

export function decisionsByPair(decisions: readonly Decision[]): Map<string, Decision> {
  const map = new Map<string, Decision>();
  for (const decision of decisions) {
    const key = pairKey(decision.a, decision.b);
    const seen = map.get(key);
    if (!seen || decision.updated >= seen.updated) map.set(key, decision);
  }
  return map;
}

/** A queue entry without its decision: computed once per run. */
export type QueueEntry = Omit<QueueItem, 'decision'>;

/** Candidates highest score first, ties by ids (so the order is stable), with keys and bands. */
export function orderCandidates(
  candidates: readonly Candidate[],
  threshold = DEFAULT_THRESHOLD,
): QueueEntry[] {
  const sorted = [...candidates].sort(
    (x, y) =>
      y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  return sorted.map((candidate) => ({
    key: pairKey(candidate.a, candidate.b),
    candidate,
    band: bandOf(candidate.score, threshold),
  }));
}

/** The ordered entries with their decisions: linear, so a decision never re-sorts the queue. */
export const withDecisions = (
  entries: readonly QueueEntry[],
  decisions: ReadonlyMap<string, Decision>,
): QueueItem[] => entries.map((entry) => ({ ...entry, decision: decisions.get(entry.key) }));

/** Every candidate with its decision, highest score first. */
export const buildQueue = (
  candidates: readonly Candidate[],
  decisions: ReadonlyMap<string, Decision>,
  threshold = DEFAULT_THRESHOLD,
): QueueItem[] => withDecisions(orderCandidates(candidates, threshold), decisions);

export function matchesFilters(item: QueueItem, filters: QueueFilters): boolean {
  const { a, b } = item.candidate;
  if (
    filters.collection !== 'all' &&
    collectionOf(a) !== filters.collection &&
    collectionOf(b) !== filters.collection
  )
    return false;
  if (filters.band !== 'all' && item.band !== filters.band) return false;
  if (filters.decision === 'all') return true;
  if (filters.decision === 'undecided') return item.decision === undefined;
  return item.decision?.decision === filters.decision;
}

export const filterQueue = (items: readonly QueueItem[], filters: QueueFilters): QueueItem[] =>
  items.filter((item) => matchesFilters(item, filters));

/** The key of the item `delta` places from `key` (clamped to the ends); the first item when `key` is not shown. */
export function moveBy(items: readonly QueueItem[], key: string | null, delta: number): string | null {
  if (items.length === 0) return null;
  const at = key === null ? -1 : items.findIndex((item) => item.key === key);
  if (at < 0) return items[0]?.key ?? null;
  const next = Math.min(items.length - 1, Math.max(0, at + delta));
  return items[next]?.key ?? null;
}

/**
 * The next undecided pair after `key` in the shown order, wrapping to the start; `decided` names
 * pairs decided since `items` was built (a decision just made, before the store answers). Null when
 * every shown pair is decided.
 */
export function nextUndecided(
  items: readonly QueueItem[],
  key: string | null,
  decided: ReadonlySet<string> = new Set(),
): string | null {
  const open = (item: QueueItem) => item.decision === undefined && !decided.has(item.key);
  const at = key === null ? -1 : items.findIndex((item) => item.key === key);
  for (let step = 1; step <= items.length; step++) {
    const item = items[(at + step + items.length) % items.length];
    if (item && item.key !== key && open(item)) return item.key;
  }
  return null;
}

export type QueueAction =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'decide'; decision: DecisionKind }
  | { type: 'note' }
  | { type: 'undo' };

/** The keys of the queue, shown as hints beside it. */
export const QUEUE_KEYS: Readonly<Record<string, QueueAction>> = {
  j: { type: 'move', delta: 1 },
  ArrowDown: { type: 'move', delta: 1 },
  k: { type: 'move', delta: -1 },
  ArrowUp: { type: 'move', delta: -1 },
  PageDown: { type: 'move', delta: 10 },
  PageUp: { type: 'move', delta: -10 },
  Home: { type: 'first' },
  End: { type: 'last' },
  s: { type: 'decide', decision: 'same' },
  d: { type: 'decide', decision: 'different' },
  u: { type: 'decide', decision: 'unsure' },
  n: { type: 'note' },
  z: { type: 'undo' },
};

export interface KeyEventLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key was pressed in: text fields keep their keys. */
  target?: { tagName?: string; isContentEditable?: boolean } | null;
}

const TEXT_ENTRY = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** What a key press does in the queue, or null (left to the browser). */
export function keyAction(event: KeyEventLike): QueueAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target;
  if (target && (target.isContentEditable || TEXT_ENTRY.has(target.tagName ?? ''))) return null;
  // Caps Lock must not turn the keys off; Shift+letter is the same key.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return QUEUE_KEYS[key] ?? null;
}
