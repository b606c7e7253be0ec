import type { Kysely, Selectable } from 'kysely';
import { RoleSchema } from '../../contracts/access.schema';
import type { InviteRecord, InviteRepository } from '../../services/ports';
import type { Database, InviteTable } from '../schema';

const toInvite = (row: Selectable<InviteTable>): InviteRecord => ({
  ...row,
  roles: RoleSchema.array().parse(JSON.parse(row.roles)),
});

export class InviteKyselyRepository implements InviteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(invite: InviteRecord): Promise<void> {
    await this.db
      .insertInto('invite')
      .values({ ...invite, roles: JSON.stringify(invite.roles) })
      .execute();
  }

  async findByHash(tokenHash: string): Promise<InviteRecord | null> {
    const row = await this.db.selectFrom('invite').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
    return row ? toInvite(row) : null;
  }

  async listOpen(workspaceId: string, now: string): Promise<InviteRecord[]> {
    const rows = await this.db
      .selectFrom('invite')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .orderBy('createdAt', 'desc')
      .execute();
    return rows.map(toInvite);
  }

  async accept(id: string, userId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invite')
      .set((eb) => ({ acceptedAt: at, acceptedBy: userId, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async revoke(workspaceId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invite')
      .set((eb) => ({ revokedAt: at, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('workspaceId', '=', workspaceId)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
