import { ok } from '@shared/result';
import type { Decision } from '@shared/linkage/types';
import { useResult, type AsyncState } from '../api/use-result';
import { useDecisions } from './DecisionsContext';

/** Every stored decision, loaded again after each write. */
export function useDecisionList(): AsyncState<Decision[]> {
  const repository = useDecisions();
  return useResult(async () => ok(await repository.all()), [repository], { refetchOn: repository.changes });
}
