import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemSchedule, MilestoneCreate, MilestoneUpdate } from '../../../contracts/timeline.schema';
import { ApiError, request } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import type { Initiative } from '../strategy/strategy-model';
import type { PlanChange, PlanTarget, Roadmap, RoadmapMilestone } from './roadmap-model';

const productPath = (productId: string, part: string) => `/products/${encodeURIComponent(productId)}/${part}`;

/** Everything the timeline and the board draw, in one request. */
export function useRoadmap(productId: string) {
  return useQuery({
    queryKey: queryKeys.roadmap.all(productId),
    queryFn: ({ signal }) => request<Roadmap>(productPath(productId, 'roadmap'), { signal }),
  });
}

const pendingKey = (target: Pick<PlanTarget, 'kind' | 'id'>) => `${target.kind}:${target.id}`;

/**
 * Saving plans, optimistically. A change shows at once, laid over the loaded
 * roadmap; once the server answers, its version is kept and the roadmap is
 * refetched (conflicts and critical paths are the server's to compute). On
 * failure the change goes and the bar or card is back where the server last
 * had it. Changes to one item are sent one after another, each with the
 * version the previous one left, so a quick run of key presses never trips
 * over its own If-Match.
 */
export function usePlanWrites(productId: string, onFailed: (target: PlanTarget, error: unknown) => void) {
  const client = useQueryClient();
  const [pending, setPending] = useState<ReadonlyMap<string, PlanChange>>(() => new Map());
  const newest = useRef(new Map<string, number>());
  const queues = useRef(new Map<string, Promise<void>>());
  const onFailedRef = useRef(onFailed);
  useEffect(() => {
    onFailedRef.current = onFailed;
  }, [onFailed]);

  const save = useCallback(
    (target: PlanTarget, change: PlanChange) => {
      const key = pendingKey(target);
      const sequence = (newest.current.get(key) ?? 0) + 1;
      newest.current.set(key, sequence);
      setPending((current) => new Map(current).set(key, { ...current.get(key), ...change }));
      const settle = () => {
        if (newest.current.get(key) !== sequence) return;
        setPending((current) => {
          const next = new Map(current);
          next.delete(key);
          return next;
        });
      };
      const roadmapKey = queryKeys.roadmap.all(productId);
      const versionNow = () => {
        const roadmap = client.getQueryData<Roadmap>(roadmapKey);
        return target.kind === 'item'
          ? roadmap?.items.find((entry) => entry.item.id === target.id)?.version
          : roadmap?.initiatives.find((initiative) => initiative.id === target.id)?.version;
      };
      const send = async () => {
        const ifMatch = versionNow();
        if (target.kind === 'item') {
          const saved = await request<ItemSchedule>(`/items/${encodeURIComponent(target.id)}/schedule`, { method: 'PATCH', body: change, ifMatch });
          client.setQueryData<Roadmap>(roadmapKey, (roadmap) =>
            roadmap && {
              ...roadmap,
              items: roadmap.items.map((entry) =>
                entry.item.id === target.id && entry.version <= saved.version ? { ...entry, startDate: saved.startDate, targetDate: saved.targetDate, horizon: saved.horizon, version: saved.version } : entry,
              ),
            },
          );
        } else {
          const saved = await request<Initiative>(`/initiatives/${encodeURIComponent(target.id)}`, { method: 'PATCH', body: { startDate: change.startDate, targetDate: change.targetDate }, ifMatch });
          client.setQueryData<Roadmap>(roadmapKey, (roadmap) =>
            roadmap && {
              ...roadmap,
              initiatives: roadmap.initiatives.map((initiative) =>
                initiative.id === target.id && initiative.version <= saved.version ? { ...initiative, startDate: saved.startDate, targetDate: saved.targetDate, version: saved.version } : initiative,
              ),
            },
          );
          void client.invalidateQueries({ queryKey: queryKeys.strategy.all(productId) });
        }
      };
      const run = (queues.current.get(key) ?? Promise.resolve()).then(send).then(
        () => {
          settle();
          void client.invalidateQueries({ queryKey: roadmapKey });
        },
        (error: unknown) => {
          settle();
          onFailedRef.current(target, error);
          // Someone else changed it, or it is gone: what the page holds is out of date.
          if (isStale(error) || (error instanceof ApiError && (error.status === 404 || error.status === 409))) void client.invalidateQueries({ queryKey: roadmapKey });
        },
      );
      queues.current.set(key, run);
    },
    [client, productId],
  );

  return { pending, save };
}

/** Adds, renames, re-dates or deletes a milestone; If-Match on the version the user edited. */
export function useMilestoneWrites(productId: string) {
  const client = useQueryClient();
  const refresh = {
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.roadmap.all(productId) }),
    onError: (error: unknown) => isStale(error) && void client.invalidateQueries({ queryKey: queryKeys.roadmap.all(productId) }),
  };
  const save = useMutation({
    mutationFn: (change: { create: MilestoneCreate } | { milestone: RoadmapMilestone; update: MilestoneUpdate }) =>
      'create' in change
        ? request<RoadmapMilestone>(productPath(productId, 'milestones'), { method: 'POST', body: change.create })
        : request<RoadmapMilestone>(`/milestones/${encodeURIComponent(change.milestone.id)}`, { method: 'PATCH', body: change.update, ifMatch: change.milestone.version }),
    ...refresh,
  });
  const remove = useMutation({
    mutationFn: (milestone: RoadmapMilestone) => request<void>(`/milestones/${encodeURIComponent(milestone.id)}`, { method: 'DELETE', ifMatch: milestone.version }),
    ...refresh,
  });
  return { save, remove };
}
