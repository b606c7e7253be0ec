import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Invite, InviteCreated, ListOf, Member, Role } from '../../api/types';

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => request<ListOf<Member>>(`${base(workspaceId)}/members`).then((page) => page.items),
  });
}

export function useInvites(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.invites(workspaceId),
    queryFn: () => request<ListOf<Invite>>(`${base(workspaceId)}/invites`).then((page) => page.items),
    enabled,
  });
}

export function useSetMemberRoles(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ member, roles }: { member: Member; roles: Role[] }) =>
      request<Member>(`${base(workspaceId)}/members/${encodeURIComponent(member.userId)}`, {
        method: 'PATCH',
        body: { roles },
        ifMatch: member.version,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (member: Member) => request<void>(`${base(workspaceId)}/members/${encodeURIComponent(member.userId)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });
}

export function useCreateInvite(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { roles: Role[]; email?: string }) => request<InviteCreated>(`${base(workspaceId)}/invites`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invites(workspaceId) }),
  });
}

export function useRevokeInvite(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (invite: Invite) => request<void>(`${base(workspaceId)}/invites/${encodeURIComponent(invite.id)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.invites(workspaceId) }),
  });
}
