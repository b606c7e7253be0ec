import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, setCsrfToken } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { LoginResponse, Me } from '../../api/types';
import { fetchMe } from '../../app/first-requests';

/** The signed-in user and their workspaces; `null` when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me(), queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in user's roles in a workspace: none while `me` loads, or where they are not a member. */
export function rolesIn(me: Me | null | undefined, workspaceId: string): Me['workspaces'][number]['roles'] {
  return me?.workspaces.find((workspace) => workspace.id === workspaceId)?.roles ?? [];
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['sign-in'],
    mutationFn: (body: { email: string; password: string }) => request<LoginResponse>('/auth/login', { method: 'POST', body }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      await client.invalidateQueries({ queryKey: queryKeys.me() });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(queryKeys.me(), null);
    },
  });
}
