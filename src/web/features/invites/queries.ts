import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, setCsrfToken } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { InviteAccepted, InvitePreview } from '../../api/types';

export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: queryKeys.invitePreview(token),
    queryFn: () => request<InvitePreview>(`/invites/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export type AcceptBody = Record<string, never> | { name: string; email: string; password: string };

export function useAcceptInvite(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptBody) => request<InviteAccepted>(`/invites/${encodeURIComponent(token)}/accept`, { method: 'POST', body }),
    onSuccess: async (accepted) => {
      if (accepted.session) setCsrfToken(accepted.session.csrfToken);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.me() }),
        client.invalidateQueries({ queryKey: queryKeys.workspaces() }),
      ]);
    },
  });
}
