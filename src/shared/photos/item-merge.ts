/**
 * Restoring items from a backup: matched by id, the later `updatedAt` wins (as for notes), on a tie
 * the item here is kept. Nothing is deleted: an item here that the backup lacks stays.
 */
import type { Item } from './item';

export interface ItemsImportPlan {
  added: Item[];
  replaced: Item[];
  kept: number;
  unchanged: number;
}

export interface ItemsImportSummary {
  added: number;
  replaced: number;
  kept: number;
  unchanged: number;
}

export function planItemsImport(
  current: ReadonlyMap<string, Item>,
  incoming: readonly Item[],
): ItemsImportPlan {
  const plan: ItemsImportPlan = { added: [], replaced: [], kept: 0, unchanged: 0 };
  for (const item of incoming) {
    const here = current.get(item.id);
    if (!here) plan.added.push(item);
    else if (JSON.stringify(here) === JSON.stringify(item)) plan.unchanged += 1;
    else if (item.updatedAt > here.updatedAt) plan.replaced.push(item);
    else plan.kept += 1;
  }
  return plan;
}

export const itemsToWrite = (plan: ItemsImportPlan): Item[] => [...plan.added, ...plan.replaced];

export const summariseItemsPlan = (plan: ItemsImportPlan): ItemsImportSummary => ({
  added: plan.added.length,
  replaced: plan.replaced.length,
  kept: plan.kept,
  unchanged: plan.unchanged,
});
