import type { ServiceContext } from './context';
import type { ActivityRecord, ActivityRepository } from './ports';

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

/** Records, in the caller's transaction, what the scope's actor changed on one subject. */
export function recordChange(
  activity: ActivityRepository,
  ctx: ServiceContext,
  scope: { workspaceId: string; actor: { userId: string } },
  change: { subjectType: string; action: string; subjectId: string; before: unknown; after: unknown },
): Promise<void> {
  return activity.record(activityEntry(ctx, { workspaceId: scope.workspaceId, actorId: scope.actor.userId, ...change }));
}
