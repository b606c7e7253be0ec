import { z } from 'zod';
import { IdSchema } from './common.schema';

/**
 * Realtime messages are invalidation hints, not state: the client refetches
 * what the ids name through its own queries.
 */
export const EVENT_TYPES = [
  'workspace.updated',
  'member.added',
  'member.updated',
  'member.removed',
  'invite.created',
  'invite.revoked',
  'product.created',
  'product.updated',
  'item.created',
  'item.updated',
  'item.deleted',
  'item.restored',
  'item.purged',
  'item.ranked',
  'sprint.created',
  'sprint.updated',
  'sprint.started',
  'sprint.completed',
  'decision.changed',
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

export const RealtimeMessageSchema = z.object({
  type: EventTypeSchema,
  workspaceId: IdSchema,
  productId: IdSchema.nullable(),
  ids: z.array(IdSchema),
  actor: IdSchema.nullable(),
});
export type RealtimeMessage = z.infer<typeof RealtimeMessageSchema>;
