/** Items read from the notes database through useResult, reloaded whenever the repository writes. */
import { fail, ok, type Result } from '@shared/result';
import type { Item } from '@shared/photos/item';
import { useResult, type AsyncState } from '../api/use-result';
import { useItems } from './ItemsContext';

async function asResult<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    return fail('storage', (error as Error).message);
  }
}

export function useItemList(): AsyncState<Item[]> {
  const items = useItems();
  return useResult(() => asResult(() => items.all()), [items], { refetchOn: items.changes });
}

export function useItem(id: string): AsyncState<Item | undefined> {
  const items = useItems();
  return useResult(() => asResult(() => items.get(id)), [items, id], { refetchOn: items.changes });
}
