/**
 * The user's link groups (records decided to be one person), loaded from the decisions store and
 * reloaded when a decision changes. Empty while loading or if the store cannot be read: grouping is
 * a convenience, never a reason to hide results.
 */
import { linkGroups, type LinkGroup } from '@shared/linkage/groups';
import { ok } from '@shared/result';
import { useResult } from '../api/use-result';
import { useDecisions } from './DecisionsContext';

const NONE: readonly LinkGroup[] = [];

export function useLinkGroups(): readonly LinkGroup[] {
  const decisions = useDecisions();
  const state = useResult(async () => ok(linkGroups(await decisions.all())), [decisions], {
    refetchOn: decisions.changes,
  });
  return state.status === 'ok' ? state.value : NONE;
}
