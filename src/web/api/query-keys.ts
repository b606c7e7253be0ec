/**
 * Every TanStack Query key the web app uses, in one place, so realtime hints
 * and mutations invalidate exactly what they should. Keys are hierarchical:
 * invalidating `items.all(productId)` also refreshes every page and detail under it.
 */
import { DEFAULT_VIEW, type ListView } from './list-view';

export const queryKeys = {
  me: () => ['me'] as const,
  workspaces: () => ['workspaces'] as const,
  products: (workspaceId: string) => ['workspaces', workspaceId, 'products'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  invites: (workspaceId: string) => ['workspaces', workspaceId, 'invites'] as const,
  items: {
    all: (productId: string) => ['products', productId, 'items'] as const,
    /** Every cached view of the product's backlog (each filter and sort is its own list). */
    lists: (productId: string) => ['products', productId, 'items', 'list'] as const,
    /** One view of the backlog; with no view, the whole backlog in rank order. */
    list: (productId: string, view: ListView = DEFAULT_VIEW) => ['products', productId, 'items', 'list', view.sort, view.q] as const,
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
  /** The product's saved views: the caller's own and the shared ones. */
  views: (productId: string) => ['products', productId, 'views'] as const,
  /** An item's stored scores with their inputs and formulas. */
  scores: (itemId: string) => ['item', itemId, 'scores'] as const,
  /** An item's history, newest first, a cursor page at a time; under `item`, so every hint about the item refreshes it. */
  itemActivity: (itemId: string) => ['item', itemId, 'activity'] as const,
  invitePreview: (token: string) => ['invite', token] as const,
  /**
   * The prioritisation matrix. Any item hint of the product may move an item
   * on it (a score), or add or drop one (a new item, the trash), so realtime.ts
   * refreshes everything under `all` on every item hint of the product; only
   * the queries on screen refetch.
   */
  matrix: {
    all: (productId: string) => ['products', productId, 'matrix'] as const,
    /** Every stored score of one framework across the product, all pages at once. */
    scores: (productId: string, framework: string) => ['products', productId, 'matrix', 'scores', framework] as const,
    /** Open items found by the side list's search, for adding to the matrix. */
    candidates: (productId: string, q: string) => ['products', productId, 'matrix', 'candidates', q] as const,
  },
  /**
   * The product's strategy: goals, initiatives, alignments, traceability and
   * item traces. A `strategy.changed` hint refreshes everything under `all`;
   * item hints refresh the traceability tree and the traces, whose rollups and
   * paths follow the items' statuses, estimates and parents.
   */
  strategy: {
    all: (productId: string) => ['products', productId, 'strategy'] as const,
    goals: (productId: string) => ['products', productId, 'strategy', 'goals'] as const,
    initiatives: (productId: string) => ['products', productId, 'strategy', 'initiatives'] as const,
    traceability: (productId: string) => ['products', productId, 'strategy', 'traceability'] as const,
    /** The initiatives one epic or feature is aligned to. */
    alignment: (productId: string, itemId: string) => ['products', productId, 'strategy', 'alignment', itemId] as const,
    /** Which initiatives and goals an item serves, through which ancestors. */
    traces: (productId: string) => ['products', productId, 'strategy', 'trace'] as const,
    trace: (productId: string, itemId: string) => ['products', productId, 'strategy', 'trace', itemId] as const,
  },
  /** The product's decision log; a `decision.changed` hint refreshes everything under `all`. */
  decisions: {
    all: (productId: string) => ['products', productId, 'decisions'] as const,
    list: (productId: string, q: string, status: string) => ['products', productId, 'decisions', 'list', q, status] as const,
    /** Every decision of the product, for choosing a successor. */
    choices: (productId: string) => ['products', productId, 'decisions', 'choices'] as const,
    detail: (productId: string, decisionId: string) => ['products', productId, 'decisions', 'detail', decisionId] as const,
    forItem: (productId: string, itemId: string) => ['products', productId, 'decisions', 'item', itemId] as const,
  },
  /**
   * The product's releases with their scope, forecasts and change history. A
   * `release.changed` hint refreshes everything under `all`; so does any item
   * hint of the product, since a status or an estimate moves a release's
   * progress and forecast.
   */
  releases: {
    all: (productId: string) => ['products', productId, 'releases'] as const,
    list: (productId: string) => ['products', productId, 'releases', 'list'] as const,
    scope: (productId: string, releaseId: string) => ['products', productId, 'releases', 'scope', releaseId] as const,
    forecast: (productId: string, releaseId: string) => ['products', productId, 'releases', 'forecast', releaseId] as const,
    changes: (productId: string, releaseId: string) => ['products', productId, 'releases', 'changes', releaseId] as const,
    /** Items found by the scope picker's search. */
    candidates: (productId: string, q: string) => ['products', productId, 'releases', 'candidates', q] as const,
    /** A release's launch checklist and its notes; under `all`, so a `release.changed` hint refreshes them too. */
    launchTasks: (productId: string, releaseId: string) => ['products', productId, 'releases', 'launch', releaseId, 'tasks'] as const,
    notes: (productId: string, releaseId: string) => ['products', productId, 'releases', 'launch', releaseId, 'notes'] as const,
    /** The product's launch template. */
    launchTemplate: (productId: string) => ['products', productId, 'releases', 'launch-template'] as const,
  },
  /**
   * The product's market research: competitors, the capability matrix, plans
   * and packaging. A `market.changed` hint refreshes everything under `all`;
   * so does any item hint of the product, since rows name our epics and features.
   */
  market: {
    all: (productId: string) => ['products', productId, 'market'] as const,
    matrix: (productId: string) => ['products', productId, 'market', 'matrix'] as const,
    packaging: (productId: string) => ['products', productId, 'market', 'packaging'] as const,
    /** The product's epics and features, for linking and packaging. */
    features: (productId: string) => ['products', productId, 'market', 'features'] as const,
  },
  /**
   * Customer evidence: the product's insights, personas and demand, and each
   * item's evidence. An `evidence.changed` hint refreshes everything under
   * `all`, and the workspace's customers and segments with it.
   */
  evidence: {
    all: (productId: string) => ['products', productId, 'evidence'] as const,
    /** One view of the inbox: to triage or all, searched and filtered by source; a cursor page at a time. */
    insights: (productId: string, linked: string, q: string, source: string) => ['products', productId, 'evidence', 'insights', linked, q, source] as const,
    personas: (productId: string) => ['products', productId, 'evidence', 'personas'] as const,
    /** The product's items with evidence, the most demanded first. */
    ranking: (productId: string) => ['products', productId, 'evidence', 'ranking'] as const,
    item: (productId: string, itemId: string) => ['products', productId, 'evidence', 'item', itemId] as const,
    /** The insights linked to one item, for its page. */
    itemInsights: (productId: string, itemId: string) => ['products', productId, 'evidence', 'item-insights', itemId] as const,
    /** Items found by the link picker's search. */
    candidates: (productId: string, q: string) => ['products', productId, 'evidence', 'candidates', q] as const,
    /** The workspace's segments and customers, shared by its products. */
    workspace: (workspaceId: string) => ['workspaces', workspaceId, 'evidence'] as const,
    segments: (workspaceId: string) => ['workspaces', workspaceId, 'evidence', 'segments'] as const,
    customers: (workspaceId: string, q: string, segmentId = '') => ['workspaces', workspaceId, 'evidence', 'customers', q, segmentId] as const,
  },
  /**
   * The product's roadmap: plans, initiatives, releases with their critical
   * paths, milestones and conflicts, in one answer. `roadmap.changed`,
   * `release.changed`, `strategy.changed` and every item hint refresh it.
   */
  roadmap: {
    all: (productId: string) => ['products', productId, 'roadmap'] as const,
  },
  /** What an item blocks and what blocks it; any item hint of the product refreshes them all (titles and statuses show). */
  dependencies: {
    all: (productId: string) => ['products', productId, 'dependencies'] as const,
    item: (productId: string, itemId: string) => ['products', productId, 'dependencies', itemId] as const,
  },
};
