import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { launchReadiness } from '../../../domain/roadmap/launches';
import { request } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { queryKeys } from '../../api/query-keys';
import type { AppliedTemplate, LaunchChecklist, LaunchTask, LaunchTaskState, LaunchTemplate, ReleaseNotes } from './launch-model';

const releasePath = (releaseId: string, part: string) => `/releases/${encodeURIComponent(releaseId)}${part}`;
const taskPath = (taskId: string) => `/launch-tasks/${encodeURIComponent(taskId)}`;

/** Where the browser downloads the notes as a Markdown file. */
export const notesDownloadUrl = (releaseId: string) => `/api/v1${releasePath(releaseId, '/notes.md')}`;

export function useLaunchTasks(productId: string, releaseId: string) {
  return useQuery({
    queryKey: queryKeys.releases.launchTasks(productId, releaseId),
    queryFn: ({ signal }) => request<LaunchChecklist>(releasePath(releaseId, '/launch-tasks'), { signal }),
  });
}

export function useLaunchTemplate(productId: string) {
  return useQuery({
    queryKey: queryKeys.releases.launchTemplate(productId),
    queryFn: ({ signal }) => request<LaunchTemplate>(`/products/${encodeURIComponent(productId)}/launch-template`, { signal }),
  });
}

export function useReleaseNotes(productId: string, releaseId: string) {
  return useQuery({
    queryKey: queryKeys.releases.notes(productId, releaseId),
    queryFn: ({ signal }) => request<ReleaseNotes>(releasePath(releaseId, '/notes'), { signal }),
  });
}

/** A launch change moves the release's readiness and the page's lists: refresh every release view of the product; a stale refusal refetches too. */
function useRefresh(productId: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.releases.all(productId) });
  return { onSuccess: refresh, onError: (error: unknown) => isStale(error) && refresh() };
}

export function useApplyTemplate(productId: string) {
  return useMutation({
    mutationFn: (releaseId: string) => request<AppliedTemplate>(releasePath(releaseId, '/launch-tasks/from-template'), { method: 'POST' }),
    ...useRefresh(productId),
  });
}

export function useAddLaunchTask(productId: string) {
  return useMutation({
    mutationFn: ({ releaseId, title }: { releaseId: string; title: string }) => request<LaunchTask>(releasePath(releaseId, '/launch-tasks'), { method: 'POST', body: { title } }),
    ...useRefresh(productId),
  });
}

export interface LaunchTaskChange {
  title?: string;
  ownerId?: string | null;
  dueDate?: string | null;
  state?: LaunchTaskState;
}

/** Puts one task into the cached checklist (as changed, or as the server answered), readiness recounted. */
function patchTask(client: QueryClient, productId: string, task: LaunchTask): LaunchChecklist | undefined {
  const key = queryKeys.releases.launchTasks(productId, task.releaseId);
  const before = client.getQueryData<LaunchChecklist>(key);
  if (before) {
    const items = before.items.map((entry) => (entry.id === task.id ? task : entry));
    client.setQueryData<LaunchChecklist>(key, { items, readiness: launchReadiness(items) });
  }
  return before;
}

/** A change shows at once (a ticked box stays ticked); a refusal puts the checklist back. */
export function useUpdateLaunchTask(productId: string) {
  const client = useQueryClient();
  const { onSuccess, onError } = useRefresh(productId);
  const mutationKey = ['launch-task-update', productId];
  return useMutation({
    mutationKey,
    mutationFn: ({ task, change }: { task: LaunchTask; change: LaunchTaskChange }) => request<LaunchTask>(taskPath(task.id), { method: 'PATCH', body: change, ifMatch: task.version }),
    onMutate: async ({ task, change }) => {
      await client.cancelQueries({ queryKey: queryKeys.releases.launchTasks(productId, task.releaseId) });
      return { before: patchTask(client, productId, { ...task, ...change }) };
    },
    onSuccess: (saved) => {
      // The new version at once, so the next change to the same task names it.
      patchTask(client, productId, saved);
      // A refetch now would undo the ticks still on their way; the last change to land refreshes everything.
      if (client.isMutating({ mutationKey }) <= 1) onSuccess();
    },
    onError: (error, { task }, context) => {
      if (context?.before) client.setQueryData(queryKeys.releases.launchTasks(productId, task.releaseId), context.before);
      onError(error);
    },
  });
}

export function useDeleteLaunchTask(productId: string) {
  return useMutation({
    mutationFn: (task: LaunchTask) => request<void>(taskPath(task.id), { method: 'DELETE', ifMatch: task.version }),
    ...useRefresh(productId),
  });
}

export function useSaveTemplate(productId: string) {
  return useMutation({
    mutationFn: ({ tasks, version }: { tasks: Array<{ title: string; offsetDays: number | null }>; version: number | null }) =>
      request<LaunchTemplate>(`/products/${encodeURIComponent(productId)}/launch-template`, { method: 'PUT', body: { tasks }, ...(version !== null && { ifMatch: version }) }),
    ...useRefresh(productId),
  });
}

export function useSaveNotes(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ releaseId, markdown, version }: { releaseId: string; markdown: string; version: number | null }) =>
      request<ReleaseNotes>(releasePath(releaseId, '/notes'), { method: 'PUT', body: { markdown }, ...(version !== null && { ifMatch: version }) }),
    onSuccess: (notes) => {
      // The editor reads the saved text at once; the hint from the server refreshes the rest.
      client.setQueryData(queryKeys.releases.notes(productId, notes.releaseId), notes);
    },
  });
}

/** A fresh draft from the done work in scope, not saved. */
export function useDraftNotes() {
  return useMutation({
    mutationFn: (releaseId: string) => request<ReleaseNotes>(releasePath(releaseId, '/notes/draft'), { method: 'POST', body: { save: false } }),
  });
}
