import type { Role } from '../contracts/access.schema';
import type { EventType } from '../contracts/events.schema';
import { notFound, staleVersion, TandemError } from '../domain/errors';
import { assertOwnerRemains } from '../domain/members';
import type { Scope } from './access.service';
import { activityEntry } from './activity';
import type { Actor, ServiceContext } from './context';
import { decodeCursor, IdCursorSchema, toPage } from './pagination';
import type { EventPublisher, InviteRecord, MemberRecord, PasswordHasher, Repositories, UnitOfWork, UserRecord, WorkspaceRecord } from './ports';
import { hashSecret, newSecret } from './secrets';

const DAY_MS = 24 * 60 * 60_000;

type WorkspaceRepositories = Pick<Repositories, 'workspaces' | 'members' | 'invites' | 'activity' | 'users'>;

export class WorkspaceService {
  constructor(
    private readonly store: UnitOfWork<WorkspaceRepositories>,
    private readonly events: EventPublisher,
    private readonly hasher: PasswordHasher,
    private readonly ctx: ServiceContext,
  ) {}

  /** A new workspace with its creator as the owner. */
  async create(ownerId: string, name: string): Promise<WorkspaceRecord> {
    const now = this.ctx.clock.now().toISOString();
    const workspace: WorkspaceRecord = { id: this.ctx.newId(), name, version: 1, createdAt: now, updatedAt: now };
    await this.store.transaction(async (repos) => {
      await repos.workspaces.insert(workspace);
      await repos.members.add(workspace.id, ownerId, ['owner'], now);
      await repos.activity.record(
        activityEntry(this.ctx, {
          workspaceId: workspace.id,
          actorId: ownerId,
          action: 'workspace.created',
          subjectType: 'workspace',
          subjectId: workspace.id,
          after: workspace,
        }),
      );
    });
    return workspace;
  }

  listFor(actor: Actor) {
    return this.store.read.members.membershipsOf(actor.userId);
  }

  async get(scope: Scope): Promise<WorkspaceRecord> {
    const workspace = await this.store.read.workspaces.findById(scope.workspaceId);
    if (!workspace) throw notFound('Workspace');
    return workspace;
  }

  async rename(scope: Scope, name: string, expectedVersion?: number): Promise<WorkspaceRecord> {
    const now = this.ctx.clock.now().toISOString();
    const updated = await this.store.transaction(async (repos) => {
      const before = await repos.workspaces.findById(scope.workspaceId);
      if (!before) throw notFound('Workspace');
      const after = await repos.workspaces.rename(scope.workspaceId, name, now, expectedVersion);
      if (!after) throw staleVersion('workspace', before.version);
      await repos.activity.record(this.entry(scope, 'workspace.updated', 'workspace', after.id, before, after));
      return after;
    });
    this.publish(scope, 'workspace.updated', [updated.id]);
    return updated;
  }

  /** The audit log, newest first; with a subject, only that subject's history (an item's, say). */
  async listActivity(scope: Scope, page: { limit: number; cursor?: string | undefined }, subjectId?: string) {
    const before = page.cursor ? decodeCursor(page.cursor, IdCursorSchema).id : undefined;
    const { activity } = this.store.read;
    const rows = subjectId
      ? await activity.listForSubject(scope.workspaceId, subjectId, page.limit + 1, before)
      : await activity.list(scope.workspaceId, page.limit + 1, before);
    return toPage(rows, page.limit, (entry) => ({ id: entry.id }));
  }

  listMembers(scope: Scope): Promise<MemberRecord[]> {
    return this.store.read.members.list(scope.workspaceId);
  }

  async setRoles(scope: Scope, userId: string, roles: Role[], expectedVersion?: number): Promise<MemberRecord> {
    const now = this.ctx.clock.now().toISOString();
    const member = await this.store.transaction(async (repos) => {
      await repos.workspaces.lock(scope.workspaceId);
      const before = await repos.members.find(scope.workspaceId, userId);
      if (!before) throw notFound('Member');
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('member', before.version);
      assertOwnerRemains({ ownerIds: await repos.members.ownerIds(scope.workspaceId), userId, rolesAfter: roles });
      await repos.members.setRoles(scope.workspaceId, userId, roles, now);
      const after = (await repos.members.find(scope.workspaceId, userId))!;
      await repos.activity.record(this.entry(scope, 'member.updated', 'member', userId, before, after));
      return after;
    });
    this.publish(scope, 'member.updated', [userId]);
    return member;
  }

  async removeMember(scope: Scope, userId: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      await repos.workspaces.lock(scope.workspaceId);
      const before = await repos.members.find(scope.workspaceId, userId);
      if (!before) throw notFound('Member');
      assertOwnerRemains({ ownerIds: await repos.members.ownerIds(scope.workspaceId), userId, rolesAfter: null });
      await repos.members.remove(scope.workspaceId, userId);
      await repos.activity.record(this.entry(scope, 'member.removed', 'member', userId, before, null));
    });
    this.publish(scope, 'member.removed', [userId]);
  }

  async invite(
    scope: Scope,
    input: { roles: Role[]; email?: string | undefined; expiresInDays: number },
  ): Promise<{ invite: InviteRecord; token: string }> {
    const token = newSecret();
    const now = this.ctx.clock.now();
    const invite: InviteRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      tokenHash: hashSecret(token),
      roles: input.roles,
      email: input.email ?? null,
      createdBy: scope.actor.userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
      version: 1,
      updatedAt: now.toISOString(),
    };
    await this.store.transaction(async (repos) => {
      await repos.invites.insert(invite);
      const { tokenHash: _secret, ...shown } = invite;
      await repos.activity.record(this.entry(scope, 'invite.created', 'invite', invite.id, null, shown));
    });
    this.publish(scope, 'invite.created', [invite.id]);
    return { invite, token };
  }

  listInvites(scope: Scope): Promise<InviteRecord[]> {
    return this.store.read.invites.listOpen(scope.workspaceId, this.ctx.clock.now().toISOString());
  }

  async revokeInvite(scope: Scope, inviteId: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      const revoked = await repos.invites.revoke(scope.workspaceId, inviteId, this.ctx.clock.now().toISOString());
      if (!revoked) throw notFound('Invite');
      await repos.activity.record(this.entry(scope, 'invite.revoked', 'invite', inviteId, null, null));
    });
    this.publish(scope, 'invite.revoked', [inviteId]);
  }

  /** What an invite link offers, for the page that accepts it. */
  async previewInvite(token: string): Promise<{ invite: InviteRecord; workspace: WorkspaceRecord }> {
    const invite = await this.openInvite(this.store.read, token);
    const workspace = await this.store.read.workspaces.findById(invite.workspaceId);
    if (!workspace) throw invalidInvite();
    return { invite, workspace };
  }

  /** Joins the invite's workspace with its roles, as an existing user. */
  async acceptInvite(token: string, userId: string): Promise<WorkspaceRecord> {
    return this.join(token, async (repos) => {
      const user = await repos.users.findById(userId);
      if (!user) throw notFound('User');
      return user;
    });
  }

  /**
   * Creates an account and joins with the invite, in one transaction: an
   * invite that turns out not to be valid leaves no account behind.
   */
  async acceptInviteAsNewUser(token: string, account: { name: string; email: string; password: string }): Promise<{ workspace: WorkspaceRecord; user: UserRecord }> {
    const now = this.ctx.clock.now().toISOString();
    const user: UserRecord = {
      id: this.ctx.newId(),
      email: account.email.toLowerCase(),
      name: account.name,
      passwordHash: await this.hasher.hash(account.password),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const workspace = await this.join(token, async (repos, invite) => {
      // Checked before the insert, so a mismatch never creates the account.
      if (invite.email && invite.email !== user.email) throw wrongAddress(invite.email);
      await repos.users.insert(user);
      return user;
    });
    return { workspace, user };
  }

  private async join(
    token: string,
    findUser: (repos: WorkspaceRepositories, invite: InviteRecord) => Promise<UserRecord>,
  ): Promise<WorkspaceRecord> {
    const now = this.ctx.clock.now().toISOString();
    const { invite, workspace, userId } = await this.store.transaction(async (repos) => {
      const invite = await this.openInvite(repos, token);
      await repos.workspaces.lock(invite.workspaceId);
      const user = await findUser(repos, invite);
      if (invite.email && invite.email !== user.email) throw wrongAddress(invite.email);
      if ((await repos.members.rolesOf(invite.workspaceId, user.id)).length > 0) {
        throw new TandemError('already_member', 'You are already a member of this workspace');
      }
      if (!(await repos.invites.accept(invite.id, user.id, now))) throw invalidInvite();
      await repos.members.add(invite.workspaceId, user.id, invite.roles, now);
      await repos.activity.record(
        activityEntry(this.ctx, {
          workspaceId: invite.workspaceId,
          actorId: user.id,
          action: 'member.added',
          subjectType: 'member',
          subjectId: user.id,
          after: { userId: user.id, roles: invite.roles, inviteId: invite.id },
        }),
      );
      const workspace = await repos.workspaces.findById(invite.workspaceId);
      if (!workspace) throw invalidInvite();
      return { invite, workspace, userId: user.id };
    });
    this.events.publish({ type: 'member.added', workspaceId: invite.workspaceId, productId: null, ids: [userId], actor: userId });
    return workspace;
  }

  private async openInvite(repos: Pick<Repositories, 'invites'>, token: string): Promise<InviteRecord> {
    const invite = await repos.invites.findByHash(hashSecret(token));
    const now = this.ctx.clock.now().toISOString();
    if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= now) throw invalidInvite();
    return invite;
  }

  private entry(scope: Scope, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown) {
    return activityEntry(this.ctx, { workspaceId: scope.workspaceId, actorId: scope.actor.userId, action, subjectType, subjectId, before, after });
  }

  private publish(scope: Scope, type: EventType, ids: string[]) {
    this.events.publish({ type, workspaceId: scope.workspaceId, productId: null, ids, actor: scope.actor.userId });
  }
}

const wrongAddress = (email: string) =>
  new TandemError('invite_invalid', `This invite is for ${email}; sign in with that address to accept it`);

const invalidInvite = () => new TandemError('invite_invalid', 'This invite link is not valid: it may have expired, been used or been revoked');

