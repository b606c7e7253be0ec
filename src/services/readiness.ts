import type { Readiness } from '../contracts/item.schema';
import { assessReadiness } from '../domain/backlog/readiness';
import type { ItemRecord, ItemRepository } from './ports';

/** A story's readiness, sized against its product's velocity once there is one. */
export function readinessOf(item: ItemRecord): Readiness | null {
  return item.typicalSprintPoints ? assessReadiness(item, item.typicalSprintPoints) : assessReadiness(item);
}

/** Readiness as the filters store it: ready or not for a story, null for other types. */
export function readinessFlag(item: ItemRecord): boolean | null {
  return readinessOf(item)?.ready ?? null;
}

/** Keeps the stored readiness of these items in step with what they say now. */
export function storeReadiness(items: Pick<ItemRepository, 'setReadiness'>, records: readonly ItemRecord[]): Promise<void> {
  return items.setReadiness(new Map(records.map((item) => [item.id, readinessFlag(item)])));
}

/** Assesses every story of a product again, e.g. after its velocity (the size a story is judged by) changed. */
export async function refreshReadiness(items: Pick<ItemRepository, 'setReadiness' | 'listStories'>, workspaceId: string, productId: string): Promise<void> {
  await storeReadiness(items, await items.listStories(workspaceId, productId));
}
