import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../../contracts/access.schema';
import type { MemberRecord, MemberRepository, WorkspaceRecord } from '../../services/ports';
import type { Database } from '../schema';

/** Roles come back in the canonical order of ROLES, whatever order the rows are in. */
function sortRoles(roles: Iterable<string>): Role[] {
  const held = new Set(roles);
  return ROLES.filter((role) => held.has(role));
}

export class MemberKyselyRepository implements MemberRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async rolesOf(workspaceId: string, userId: string): Promise<Role[]> {
    const rows = await this.db
      .selectFrom('memberRole')
      .select('role')
      .where('workspaceId', '=', workspaceId)
      .where('userId', '=', userId)
      .execute();
    return sortRoles(rows.map((row) => row.role));
  }

  async membershipsOf(userId: string): Promise<Array<{ workspace: WorkspaceRecord; roles: Role[] }>> {
    const rows = await this.db
      .selectFrom('memberRole')
      .innerJoin('workspace', 'workspace.id', 'memberRole.workspaceId')
      .select([
        'workspace.id',
        'workspace.name',
        'workspace.version',
        'workspace.createdAt',
        'workspace.updatedAt',
        'memberRole.role',
      ])
      .where('memberRole.userId', '=', userId)
      .orderBy('workspace.createdAt')
      .orderBy('workspace.id')
      .execute();
    const byWorkspace = new Map<string, { workspace: WorkspaceRecord; roles: string[] }>();
    for (const { role, ...workspace } of rows) {
      const entry = byWorkspace.get(workspace.id) ?? { workspace, roles: [] };
      entry.roles.push(role);
      byWorkspace.set(workspace.id, entry);
    }
    return [...byWorkspace.values()].map(({ workspace, roles }) => ({ workspace, roles: sortRoles(roles) }));
  }

  async list(workspaceId: string): Promise<MemberRecord[]> {
    const rows = await this.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.userId')
      .innerJoin('memberRole', (join) =>
        join.onRef('memberRole.workspaceId', '=', 'member.workspaceId').onRef('memberRole.userId', '=', 'member.userId'),
      )
      .select([
        'member.workspaceId',
        'member.userId',
        'member.version',
        'member.createdAt',
        'user.email',
        'user.name',
        'memberRole.role',
      ])
      .where('member.workspaceId', '=', workspaceId)
      .orderBy('user.name')
      .orderBy('member.userId')
      .execute();
    const members = new Map<string, Omit<MemberRecord, 'roles'> & { roles: string[] }>();
    for (const { role, ...member } of rows) {
      const entry = members.get(member.userId) ?? { ...member, roles: [] };
      entry.roles.push(role);
      members.set(member.userId, entry);
    }
    return [...members.values()].map((member) => ({ ...member, roles: sortRoles(member.roles) }));
  }

  async find(workspaceId: string, userId: string): Promise<MemberRecord | null> {
    const members = await this.list(workspaceId);
    return members.find((member) => member.userId === userId) ?? null;
  }

  async add(workspaceId: string, userId: string, roles: readonly Role[], at: string): Promise<void> {
    await this.db.insertInto('member').values({ workspaceId, userId, version: 1, createdAt: at, updatedAt: at }).execute();
    await this.insertRoles(workspaceId, userId, roles);
  }

  async setRoles(workspaceId: string, userId: string, roles: readonly Role[], at: string): Promise<void> {
    await this.db.deleteFrom('memberRole').where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();
    await this.insertRoles(workspaceId, userId, roles);
    await this.db
      .updateTable('member')
      .set((eb) => ({ updatedAt: at, version: eb('version', '+', 1) }))
      .where('workspaceId', '=', workspaceId)
      .where('userId', '=', userId)
      .execute();
  }

  async remove(workspaceId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('memberRole').where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();
    await this.db.deleteFrom('member').where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();
  }

  async ownerIds(workspaceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberRole')
      .select('userId')
      .where('workspaceId', '=', workspaceId)
      .where('role', '=', 'owner')
      .orderBy('userId')
      .execute();
    return rows.map((row) => row.userId);
  }

  private async insertRoles(workspaceId: string, userId: string, roles: readonly Role[]): Promise<void> {
    await this.db
      .insertInto('memberRole')
      .values(roles.map((role) => ({ workspaceId, userId, role })))
      .execute();
  }
}
