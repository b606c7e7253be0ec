import { invalidField } from '../domain/errors';
import { parseItemRef } from '../domain/items';
import type { ItemRecord, ItemRepository } from './ports';

/** The item an id or key names, if it is one of this product's (in the trash or not). */
export async function itemOfProduct(items: ItemRepository, workspaceId: string, productId: string, ref: string): Promise<ItemRecord | null> {
  const parsed = parseItemRef(ref);
  const found = parsed.kind === 'id' ? await items.findById(parsed.id) : (await items.findByKey([workspaceId], parsed.productKey, parsed.number))[0];
  return found && found.workspaceId === workspaceId && found.productId === productId ? found : null;
}

/**
 * Item refs (ids or keys) as the ids of this product's items, each once; a
 * ref naming nothing here is a 400 on `field.index`, as is an item in the
 * trash unless the caller allows it.
 */
export async function itemIdsOfProduct(
  items: ItemRepository,
  workspaceId: string,
  productId: string,
  refs: readonly string[],
  field: string,
  options: { inTrash?: boolean } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, ref] of refs.entries()) {
    const item = await itemOfProduct(items, workspaceId, productId, ref);
    if (!item) throw invalidField(`${field}.${index}`, 'no such item in this product');
    if (item.deletedAt && !options.inTrash) throw invalidField(`${field}.${index}`, 'that item is in the trash');
    if (!ids.includes(item.id)) ids.push(item.id);
  }
  return ids;
}
