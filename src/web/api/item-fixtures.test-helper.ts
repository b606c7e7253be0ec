import type { Item } from './types';

/** The workspace and product every cache test's items belong to. */
export const WORKSPACE = 'workspace-1';
export const PRODUCT = 'product-1';

/** A plausible item for cache tests; name what matters to the test, the rest is filler. */
export function buildItem(overrides: Partial<Item> & Pick<Item, 'id'>): Item {
  return {
    key: `DEMO-${overrides.id}`,
    workspaceId: WORKSPACE,
    productId: PRODUCT,
    number: 1,
    type: 'task',
    title: `Item ${overrides.id}`,
    description: '',
    status: 'backlog',
    parentId: null,
    persona: '',
    want: '',
    benefit: '',
    acceptanceCriteria: [],
    estimate: null,
    labels: [],
    assigneeId: null,
    dueDate: null,
    blocked: false,
    blockedReason: '',
    customFields: {},
    readiness: null,
    scores: {},
    sprintId: null,
    rank: 'a0',
    version: 1,
    createdBy: null,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    deletedAt: null,
    deletedBy: null,
    ...overrides,
  };
}

/** An item in the trash since `deletedAt`. */
export function buildTrashed(id: string, deletedAt: string, overrides: Partial<Item> = {}): Item {
  return buildItem({ id, version: 2, updatedAt: deletedAt, deletedAt, deletedBy: 'user-1', ...overrides });
}
