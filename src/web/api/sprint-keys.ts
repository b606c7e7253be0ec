// Wire types and query keys of sprints and the board. They sit beside
// query-keys.ts (same hierarchy, under the product) so sprint hints can
// invalidate exactly their own queries.
import type { z } from 'zod';
import type { BurndownSchema, ScopeChangeSchema, Sprint, VelocitySchema } from '../../contracts/sprint.schema';

export type { Sprint, SprintCreate, SprintUpdate } from '../../contracts/sprint.schema';
export type { ScoredFramework } from '../../contracts/prioritization.schema';
export type Burndown = z.infer<typeof BurndownSchema>;
export type ScopeChange = z.infer<typeof ScopeChangeSchema>;
export type Velocity = z.infer<typeof VelocitySchema>;
export interface CompletedSprint {
  sprint: Sprint;
  carriedOver: number;
  carriedTo: string | null;
}

export const sprintKeys = {
  /** Everything about the product's sprints; any sprint or item hint of the product refreshes it. */
  all: (productId: string) => ['products', productId, 'sprints'] as const,
  list: (productId: string) => ['products', productId, 'sprints', 'list'] as const,
  detail: (productId: string, sprintId: string) => ['products', productId, 'sprints', 'detail', sprintId] as const,
  items: (productId: string, sprintId: string) => ['products', productId, 'sprints', 'items', sprintId] as const,
  burndown: (productId: string, sprintId: string) => ['products', productId, 'sprints', 'burndown', sprintId] as const,
  velocity: (productId: string) => ['products', productId, 'sprints', 'velocity'] as const,
  /** Items not in any sprint, for the planning page, by filter text. */
  unplanned: (productId: string, q: string) => ['products', productId, 'sprints', 'unplanned', q] as const,
  /** The board's cards for one source (a sprint id, or `backlog:<filter>`). */
  board: (productId: string, source: string) => ['products', productId, 'board', source] as const,
  boardAll: (productId: string) => ['products', productId, 'board'] as const,
  /** Product-wide counts of the WIP-limited statuses. */
  wipCounts: (productId: string) => ['products', productId, 'board-wip'] as const,
};
