import { z } from 'zod';
import { IdSchema } from './common.schema';
import { EVENT_TYPES } from './vocabulary';

export { EVENT_TYPES };

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
