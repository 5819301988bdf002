/**
 * Transitive groups of "same person" decisions: A = B and B = C make one person with three sources.
 * A "different people" decision between two members of one group (A ≠ C) is a contradiction: it is
 * reported with the group, never resolved by dropping either decision. Where one pair was decided more
 * than once, the latest decision (by `updated`) counts.
 */
import type { Decision } from './types';

export interface LinkGroup {
  /** Record ids, sorted. */
  members: string[];
  /** The "same" decisions that joined the group. */
  links: Decision[];
  /** "different" decisions between two members of the group. */
  contradictions: Decision[];
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** The latest decision of every pair. */
export function latestDecisions(decisions: readonly Decision[]): Decision[] {
  const latest = new Map<string, Decision>();
  for (const decision of decisions) {
    const key = pairKey(decision.a, decision.b);
    const seen = latest.get(key);
    if (!seen || decision.updated >= seen.updated) latest.set(key, decision);
  }
  return [...latest.values()];
}

/** Groups of two or more records joined by "same" decisions, largest first. */
export function linkGroups(decisions: readonly Decision[]): LinkGroup[] {
  const current = latestDecisions(decisions);
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    // Path compression keeps later finds short.
    let node = id;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const decision of current) {
    if (decision.decision !== 'same') continue;
    for (const id of [decision.a, decision.b]) if (!parent.has(id)) parent.set(id, id);
    const a = find(decision.a);
    const b = find(decision.b);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, LinkGroup>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root) ?? { members: [], links: [], contradictions: [] };
    group.members.push(id);
    groups.set(root, group);
  }
  for (const decision of current) {
    if (!parent.has(decision.a) || !parent.has(decision.b)) continue;
    const root = find(decision.a);
    if (root !== find(decision.b)) continue;
    const group = groups.get(root);
    if (decision.decision === 'same') group?.links.push(decision);
    else if (decision.decision === 'different') group?.contradictions.push(decision);
  }
  const result = [...groups.values()];
  for (const group of result) group.members.sort();
  result.sort(
    (x, y) => y.members.length - x.members.length || (x.members[0] ?? '').localeCompare(y.members[0] ?? ''),
  );
  return result;
}
