import type { ServiceContext } from './context';
import type { ActivityRecord } from './ports';

/** One audit row: who changed what, with the state before and after. */
export function activityEntry(
  ctx: ServiceContext,
  change: {
    workspaceId: string;
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    before?: unknown;
    after?: unknown;
  },
): ActivityRecord {
  return {
    id: ctx.newId(),
    createdAt: ctx.clock.now().toISOString(),
    before: change.before ?? null,
    after: change.after ?? null,
    workspaceId: change.workspaceId,
    actorId: change.actorId,
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
  };
}
