/**
 * Every TanStack Query key the web app uses, in one place, so realtime hints
 * and mutations invalidate exactly what they should. Keys are hierarchical:
 * invalidating `items.all(productId)` also refreshes every page and detail under it.
 */
export const queryKeys = {
  me: () => ['me'] as const,
  workspaces: () => ['workspaces'] as const,
  products: (workspaceId: string) => ['workspaces', workspaceId, 'products'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  invites: (workspaceId: string) => ['workspaces', workspaceId, 'invites'] as const,
  items: {
    all: (productId: string) => ['products', productId, 'items'] as const,
    list: (productId: string) => ['products', productId, 'items', 'list'] as const,
  },
  /** The product's trash, most recently trashed first; not under `items.all`, so backlog refreshes leave it be. */
  trash: (productId: string) => ['products', productId, 'trash'] as const,
  item: (itemId: string) => ['item', itemId] as const,
  /** An item opened by its human key on the item page; realtime hints find it by the id in its data. */
  itemByKey: (productId: string, itemKey: string) => ['products', productId, 'item-key', itemKey] as const,
  itemsByKey: (productId: string) => ['products', productId, 'item-key'] as const,
  /** An item's children, in rank order; every open one refreshes on any item hint of the product. */
  children: (productId: string, parentId: string) => ['products', productId, 'children', parentId] as const,
  allChildren: (productId: string) => ['products', productId, 'children'] as const,
  invitePreview: (token: string) => ['invite', token] as const,
};
