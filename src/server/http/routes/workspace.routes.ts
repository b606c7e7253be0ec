import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginResponseSchema } from '../../../contracts/auth.schema';
import { IdSchema, PageQuerySchema, pageOf } from '../../../contracts/common.schema';
import {
  ActivitySchema,
  InviteAcceptBodySchema,
  InviteCreateBodySchema,
  InviteCreatedSchema,
  InvitePreviewSchema,
  InviteSchema,
  MemberRolesBodySchema,
  MemberSchema,
  WorkspaceSchema,
  WorkspaceUpdateBodySchema,
} from '../../../contracts/workspace.schema';
import type { WorkspaceRecord } from '../../../services/ports';
import { actorOf, setSessionCookie } from '../auth';
import { expectedVersion, setEtag } from '../concurrency';
import type { AppServices } from '../services';
import { toActivity, toInvite, toMember, toPageOf, toUser } from '../wire';
import type { Role } from '../../../contracts/access.schema';

const WorkspaceParams = z.strictObject({ workspaceId: IdSchema });
const MemberParams = WorkspaceParams.extend({ userId: IdSchema });
const InviteParams = WorkspaceParams.extend({ inviteId: IdSchema });
const InviteTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

const toWorkspace = (workspace: WorkspaceRecord, roles: Role[]) => ({ ...workspace, roles });

export const workspaceRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { access, workspaces } = services;

  app.get(
    '/workspaces',
    {
      schema: {
        operationId: 'listWorkspaces',
        tags: ['workspaces'],
        summary: 'The workspaces you are a member of',
        response: { 200: z.object({ items: z.array(WorkspaceSchema) }) },
      },
    },
    async (request) => {
      const memberships = await workspaces.listFor(actorOf(request));
      return { items: memberships.map(({ workspace, roles }) => toWorkspace(workspace, roles)) };
    },
  );

  app.get(
    '/workspaces/:workspaceId',
    { schema: { operationId: 'getWorkspace', tags: ['workspaces'], params: WorkspaceParams, response: { 200: WorkspaceSchema } } },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'workspace.read');
      const workspace = await workspaces.get(scope);
      setEtag(reply, workspace.version);
      return toWorkspace(workspace, scope.roles);
    },
  );

  app.patch(
    '/workspaces/:workspaceId',
    {
      schema: {
        operationId: 'updateWorkspace',
        tags: ['workspaces'],
        params: WorkspaceParams,
        body: WorkspaceUpdateBodySchema,
        response: { 200: WorkspaceSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'workspace.update');
      const workspace = await workspaces.rename(scope, request.body.name, expectedVersion(request));
      setEtag(reply, workspace.version);
      return toWorkspace(workspace, scope.roles);
    },
  );

  app.get(
    '/workspaces/:workspaceId/members',
    {
      schema: {
        operationId: 'listMembers',
        tags: ['members'],
        params: WorkspaceParams,
        response: { 200: z.object({ items: z.array(MemberSchema) }) },
      },
    },
    async (request) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'member.read');
      return { items: (await workspaces.listMembers(scope)).map(toMember) };
    },
  );

  app.patch(
    '/workspaces/:workspaceId/members/:userId',
    {
      schema: {
        operationId: 'updateMemberRoles',
        tags: ['members'],
        summary: "Replace a member's roles; the last owner cannot be demoted",
        params: MemberParams,
        body: MemberRolesBodySchema,
        response: { 200: MemberSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'member.update_roles');
      const member = await workspaces.setRoles(scope, request.params.userId, request.body.roles, expectedVersion(request));
      setEtag(reply, member.version);
      return toMember(member);
    },
  );

  app.delete(
    '/workspaces/:workspaceId/members/:userId',
    {
      schema: {
        operationId: 'removeMember',
        tags: ['members'],
        summary: 'Remove a member; the last owner cannot be removed',
        params: MemberParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'member.remove');
      await workspaces.removeMember(scope, request.params.userId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/workspaces/:workspaceId/invites',
    {
      config: { secretResponse: true },
      schema: {
        operationId: 'createInvite',
        tags: ['members'],
        summary: 'Invite someone by link with one or more roles; the link is shown only in this answer',
        params: WorkspaceParams,
        body: InviteCreateBodySchema,
        response: { 201: InviteCreatedSchema },
      },
    },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'member.invite');
      const { invite, token } = await workspaces.invite(scope, request.body);
      return reply.code(201).send({ ...toInvite(invite), token, path: `/invite/${token}` });
    },
  );

  app.get(
    '/workspaces/:workspaceId/invites',
    {
      schema: {
        operationId: 'listInvites',
        tags: ['members'],
        summary: 'Invites not yet accepted, revoked or expired',
        params: WorkspaceParams,
        response: { 200: z.object({ items: z.array(InviteSchema) }) },
      },
    },
    async (request) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'member.invite');
      return { items: (await workspaces.listInvites(scope)).map(toInvite) };
    },
  );

  app.delete(
    '/workspaces/:workspaceId/invites/:inviteId',
    { schema: { operationId: 'revokeInvite', tags: ['members'], params: InviteParams, response: { 204: z.undefined() } } },
    async (request, reply) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'member.invite');
      await workspaces.revokeInvite(scope, request.params.inviteId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/invites/:token',
    {
      config: { public: true },
      schema: {
        operationId: 'previewInvite',
        tags: ['members'],
        summary: 'What an invite link offers',
        params: InviteTokenParams,
        response: { 200: InvitePreviewSchema },
      },
    },
    async (request) => {
      const { invite, workspace } = await workspaces.previewInvite(request.params.token);
      return { workspaceName: workspace.name, roles: invite.roles, email: invite.email, expiresAt: invite.expiresAt };
    },
  );

  app.post(
    '/invites/:token/accept',
    {
      config: { public: true },
      schema: {
        operationId: 'acceptInvite',
        tags: ['members'],
        summary: 'Join the workspace: as the signed-in user with `{}`, or by creating an account',
        params: InviteTokenParams,
        body: InviteAcceptBodySchema,
        response: { 200: z.object({ workspaceId: IdSchema, session: LoginResponseSchema.nullable() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const account = 'password' in body ? (body as { name: string; email: string; password: string }) : null;
      if (account) {
        const { workspace, user } = await workspaces.acceptInviteAsNewUser(request.params.token, account);
        const session = await services.auth.startSession(user);
        setSessionCookie(request, reply, session.sessionToken, session.maxAgeSeconds);
        return { workspaceId: workspace.id, session: { csrfToken: session.csrfToken, user: toUser(session.user) } };
      }
      const workspace = await workspaces.acceptInvite(request.params.token, actorOf(request).userId);
      return { workspaceId: workspace.id, session: null };
    },
  );

  app.get(
    '/workspaces/:workspaceId/activity',
    {
      schema: {
        operationId: 'listActivity',
        tags: ['workspaces'],
        summary: 'The audit log of changes, newest first',
        params: WorkspaceParams,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ActivitySchema) },
      },
    },
    async (request) => {
      const scope = await access.workspace(actorOf(request), request.params.workspaceId, 'activity.read');
      const page = await workspaces.listActivity(scope, request.query);
      return toPageOf(page, toActivity);
    },
  );
};
