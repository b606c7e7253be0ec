import { useCallback, useEffect, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemScore, ProductScore } from '../../../contracts/prioritization.schema';
import { ApiError, request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Item, ItemPage } from '../../api/types';
import { MATRIX_POINT_CAP, rescore, scoreBody, toMatrixPoint, upsertPoint, type MatrixPoint, type Ratings } from './matrix-model';

const FRAMEWORK = 'value_effort';
const SCORES_PAGE_SIZE = 200;
export const CANDIDATES_PAGE_SIZE = 50;

export interface MatrixData {
  points: MatrixPoint[];
  /** More scores exist than the chart loads (see MATRIX_POINT_CAP). */
  capped: boolean;
}

interface ProductScorePage {
  items: ProductScore[];
  nextCursor: string | null;
}

/** Every value/effort score of the product, page after page, up to the cap: a chart needs all of them at once. */
export async function fetchMatrix(productId: string, signal?: AbortSignal): Promise<MatrixData> {
  const points: MatrixPoint[] = [];
  let cursor: string | null = null;
  let loaded = 0;
  do {
    const params = new URLSearchParams({ framework: FRAMEWORK, limit: String(SCORES_PAGE_SIZE) });
    if (cursor) params.set('cursor', cursor);
    const page: ProductScorePage = await request<ProductScorePage>(`/products/${encodeURIComponent(productId)}/scores?${params}`, { signal });
    loaded += page.items.length;
    for (const score of page.items) {
      const point = toMatrixPoint(score);
      if (point) points.push(point);
    }
    cursor = page.nextCursor;
  } while (cursor && loaded < MATRIX_POINT_CAP);
  return { points: points.slice(0, MATRIX_POINT_CAP), capped: cursor !== null || points.length > MATRIX_POINT_CAP };
}

export function useMatrix(productId: string) {
  return useQuery({
    queryKey: queryKeys.matrix.scores(productId, FRAMEWORK),
    queryFn: ({ signal }) => fetchMatrix(productId, signal),
  });
}

/** Open work only: done and canceled items are past prioritising. `text` is the filter language, added to that. */
export const candidatesQuery = (text: string): string => `-category:done,canceled ${text}`.trim();

/** The product's open items in rank order, found by the side list's search; the page drops those already scored. */
export function useMatrixCandidates(productId: string, text: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.matrix.candidates(productId, text),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(CANDIDATES_PAGE_SIZE), q: candidatesQuery(text) });
      if (pageParam) params.set('cursor', pageParam);
      return request<ItemPage>(`/products/${encodeURIComponent(productId)}/items?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Typing keeps the last rows on screen until the new ones arrive.
    placeholderData: (previous) => previous,
    // A mistyped filter is the user's to fix, not the network's.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export const isScored = (item: Pick<Item, 'scores'>): boolean => item.scores[FRAMEWORK] !== undefined;

/**
 * Saving a place on the matrix, optimistically. A move shows at once as a
 * pending point laid over the loaded ones; the server's answer replaces the
 * loaded point and the pending one goes. On failure the pending point goes
 * and the item is back where the server last had it. Moves of one item are
 * sent one after another, so the last move made is the one stored.
 */
export function useMatrixWrites(productId: string, onFailed: (point: MatrixPoint, error: unknown) => void) {
  const client = useQueryClient();
  const [pending, setPending] = useState<ReadonlyMap<string, MatrixPoint>>(() => new Map());
  const newest = useRef(new Map<string, number>());
  const queues = useRef(new Map<string, Promise<void>>());
  const onFailedRef = useRef(onFailed);
  useEffect(() => {
    onFailedRef.current = onFailed;
  }, [onFailed]);

  const save = useCallback(
    (point: MatrixPoint, ratings: Ratings) => {
      const itemId = point.itemId;
      const moved = rescore(point, ratings);
      const sequence = (newest.current.get(itemId) ?? 0) + 1;
      newest.current.set(itemId, sequence);
      setPending((current) => new Map(current).set(itemId, moved));
      const settle = () => {
        if (newest.current.get(itemId) !== sequence) return;
        setPending((current) => {
          const next = new Map(current);
          next.delete(itemId);
          return next;
        });
      };
      const send = () => request<ItemScore>(`/items/${encodeURIComponent(itemId)}/scores`, { method: 'POST', body: scoreBody(point, ratings) });
      const run = (queues.current.get(itemId) ?? Promise.resolve()).then(send).then(
        (stored) => {
          const confirmed = toMatrixPoint({ ...moved, inputs: stored.inputs, score: stored.score, explanation: stored.explanation }) ?? moved;
          client.setQueryData<MatrixData>(queryKeys.matrix.scores(productId, FRAMEWORK), (data) => (data ? { ...data, points: upsertPoint(data.points, confirmed) } : data));
          settle();
        },
        (error: unknown) => {
          settle();
          onFailedRef.current(point, error);
          // Trashed or gone meanwhile: what the matrix holds is out of date.
          if (error instanceof ApiError && (error.status === 404 || error.status === 409)) void client.invalidateQueries({ queryKey: queryKeys.matrix.all(productId) });
        },
      );
      queues.current.set(itemId, run);
    },
    [client, productId],
  );

  return { pending, save };
}
