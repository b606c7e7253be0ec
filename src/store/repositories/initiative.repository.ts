import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { INITIATIVE_STATUSES } from '../../contracts/vocabulary';
import { WORK_TYPES } from '../../domain/strategy/rollup';
import type { InitiativePatch, InitiativeRecord, InitiativeRepository, RollupRecord, TracedItemRecord } from '../../services/ports';
import type { Database, InitiativeTable } from '../schema';
import { knownValue, tracedItem } from './known-value';

/** Delivery work, as the domain's roll-up counts it: what points are counted on. */
const WORK = sql`(${sql.join(WORK_TYPES.map((type) => sql.lit(type)))})`;

/** Status keys for an IN list; a list never comes out empty, as `in ()` is not SQL (no status key is empty). */
const statusList = (keys: readonly string[]) => sql.join(keys.length > 0 ? keys : ['']);

const TRACED_COLUMNS = ['item.id', 'item.number', 'item.title', 'item.type', 'item.status', 'item.parentId'] as const;

/** Initiatives, the goals they serve, the epics and features aligned to them, and what lies below those. */
export class InitiativeKyselyRepository implements InitiativeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async withGoals(rows: Array<Selectable<InitiativeTable>>): Promise<InitiativeRecord[]> {
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('initiativeGoal')
      .select(['initiativeId', 'goalId'])
      .where(
        'initiativeId',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('goalId')
      .execute();
    return rows.map((row) => ({
      ...row,
      status: knownValue(INITIATIVE_STATUSES, row.status, 'initiative status'),
      goalIds: links.filter((link) => link.initiativeId === row.id).map((link) => link.goalId),
    }));
  }

  async insert(initiative: Omit<InitiativeRecord, 'goalIds'>): Promise<void> {
    await this.db.insertInto('initiative').values(initiative).execute();
  }

  async findById(id: string): Promise<InitiativeRecord | null> {
    const row = await this.db.selectFrom('initiative').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withGoals([row]))[0]! : null;
  }

  async list(workspaceId: string, productId: string): Promise<InitiativeRecord[]> {
    const rows = await this.db
      .selectFrom('initiative')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('productId', '=', productId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    return this.withGoals(rows);
  }

  async findMany(workspaceId: string, ids: readonly string[]): Promise<InitiativeRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('initiative').selectAll().where('workspaceId', '=', workspaceId).where('id', 'in', ids).orderBy('createdAt').execute();
    return this.withGoals(rows);
  }

  async update(id: string, patch: InitiativePatch, at: string, expectedVersion?: number): Promise<InitiativeRecord | null> {
    let query = this.db
      .updateTable('initiative')
      .set((eb) => ({ ...patch, updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returningAll().executeTakeFirst();
    return row ? (await this.withGoals([row]))[0]! : null;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('initiative')
      .set((eb) => ({ updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('initiative').where('id', '=', id).execute();
  }

  async setGoals(workspaceId: string, initiativeId: string, goalIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('initiativeGoal').where('initiativeId', '=', initiativeId).execute();
    if (goalIds.length > 0) await this.db.insertInto('initiativeGoal').values(goalIds.map((goalId) => ({ workspaceId, initiativeId, goalId }))).execute();
  }

  async initiativesOfItem(itemId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('itemInitiative').select('initiativeId').where('itemId', '=', itemId).orderBy('initiativeId').execute();
    return rows.map((row) => row.initiativeId);
  }

  async setItemInitiatives(workspaceId: string, itemId: string, initiativeIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('itemInitiative').where('itemId', '=', itemId).execute();
    if (initiativeIds.length > 0) {
      await this.db
        .insertInto('itemInitiative')
        .values(initiativeIds.map((initiativeId) => ({ workspaceId, itemId, initiativeId })))
        .execute();
    }
  }

  async alignments(workspaceId: string, productId: string): Promise<Array<TracedItemRecord & { initiativeId: string }>> {
    const rows = await this.db
      .selectFrom('itemInitiative')
      .innerJoin('item', 'item.id', 'itemInitiative.itemId')
      .select([...TRACED_COLUMNS, 'itemInitiative.initiativeId'])
      .where('itemInitiative.workspaceId', '=', workspaceId)
      .where('item.productId', '=', productId)
      .where('item.deletedAt', 'is', null)
      .orderBy('item.number')
      .execute();
    return rows.map(tracedItem);
  }

  async rollups(
    workspaceId: string,
    productId: string,
    by: 'item' | 'initiative' | 'goal' | 'release',
    statuses: { done: readonly string[]; canceled: readonly string[] },
  ): Promise<Map<string, RollupRecord>> {
    const seeds: Record<typeof by, RawBuilder<unknown>> = {
      item: sql`select distinct ii.item_id, ii.item_id from item_initiative ii join initiative n on n.id = ii.initiative_id
                 where ii.workspace_id = ${workspaceId} and n.product_id = ${productId}`,
      initiative: sql`select ii.initiative_id, ii.item_id from item_initiative ii join initiative n on n.id = ii.initiative_id
                       where ii.workspace_id = ${workspaceId} and n.product_id = ${productId}`,
      goal: sql`select distinct ig.goal_id, ii.item_id from initiative_goal ig
                  join item_initiative ii on ii.initiative_id = ig.initiative_id
                  join goal g on g.id = ig.goal_id
                 where ig.workspace_id = ${workspaceId} and g.product_id = ${productId}`,
      release: sql`select i.release_id, i.id from item i
                    where i.workspace_id = ${workspaceId} and i.product_id = ${productId} and i.release_id is not null`,
    };
    const done = statusList(statuses.done);
    // Each root's subtree is walked down the parent links (item_parent_idx); an item
    // reached from two roots of one group counts once. CROSS JOIN keeps the walk
    // outermost on SQLite, which otherwise (3.53, without ANALYZE statistics) reads
    // every child of the workspace per step: 200 ms at 2,000 items instead of 2.
    // PostgreSQL plans a CROSS JOIN with a WHERE like any inner join.
    const result = await sql<{ grp: string; points: number | string; finished: number | string; total: number | string; closed: number | string; unestimated: number | string }>`
      with recursive seeds(grp, root) as (${seeds[by]}),
      tree(grp, id, type, parenttype, estimate, status) as (
        select s.grp, i.id, i.type, cast(null as text), i.estimate, i.status
          from seeds s join item i on i.id = s.root
         where i.deleted_at is null
        union all
        select t.grp, c.id, c.type, t.type, c.estimate, c.status
          from tree t cross join item c
         where c.workspace_id = ${workspaceId} and c.parent_id = t.id and c.deleted_at is null
      ),
      work as (
        select distinct grp, id, estimate, status from tree
         where type in ${WORK} and (parenttype is null or parenttype not in ${WORK})
           and status not in (${statusList(statuses.canceled)})
      )
      select grp,
             coalesce(sum(estimate), 0) as points,
             coalesce(sum(case when status in (${done}) then estimate end), 0) as finished,
             count(*) as total,
             sum(case when status in (${done}) then 1 else 0 end) as closed,
             sum(case when estimate is null then 1 else 0 end) as unestimated
        from work
       group by grp`.execute(this.db);
    return new Map(
      result.rows.map((row) => [
        row.grp,
        { points: Number(row.points), donePoints: Number(row.finished), items: Number(row.total), doneItems: Number(row.closed), unestimated: Number(row.unestimated) },
      ]),
    );
  }

  async strategyRollups(
    workspaceId: string,
    productId: string,
    statuses: { done: readonly string[]; canceled: readonly string[] },
  ): Promise<{ byItem: Map<string, RollupRecord>; byInitiative: Map<string, RollupRecord>; byGoal: Map<string, RollupRecord> }> {
    const done = statusList(statuses.done);
    // One walk down from every aligned item (see `rollups` for the CROSS JOIN), summed
    // per aligned item; an initiative or goal adds up its aligned items' sums. The walk
    // stops at work: what lies inside a story, task or bug is part of its estimate.
    // An item reached from two roots of one group counts once: a root is left out of
    // a group when the walk from an item above it, aligned to the same group, reaches
    // it, i.e. when the items from there down to it are in no trash and no work.
    const result = await sql<{ lvl: 'item' | 'initiative' | 'goal'; grp: string; points: number | string; finished: number | string; total: number | string; closed: number | string; unestimated: number | string }>`
      with recursive member(lvl, grp, root) as (
        select distinct 'initiative', ii.initiative_id, ii.item_id from item_initiative ii join initiative n on n.id = ii.initiative_id
         where ii.workspace_id = ${workspaceId} and n.product_id = ${productId}
        union all
        select distinct 'goal', ig.goal_id, ii.item_id from initiative_goal ig
          join item_initiative ii on ii.initiative_id = ig.initiative_id
          join goal g on g.id = ig.goal_id
         where ig.workspace_id = ${workspaceId} and g.product_id = ${productId}
      ),
      roots(root) as (select distinct root from member where lvl = 'initiative'),
      tree(root, id, type, estimate, status) as (
        select r.root, i.id, i.type, i.estimate, i.status
          from roots r join item i on i.id = r.root
         where i.deleted_at is null
        union all
        select t.root, c.id, c.type, c.estimate, c.status
          from tree t cross join item c
         where t.type not in ${WORK} and c.workspace_id = ${workspaceId} and c.parent_id = t.id and c.deleted_at is null
      ),
      sums(root, points, finished, total, closed, unestimated) as (
        select root,
               coalesce(sum(estimate), 0),
               coalesce(sum(case when status in (${done}) then estimate end), 0),
               count(*),
               sum(case when status in (${done}) then 1 else 0 end),
               sum(case when estimate is null then 1 else 0 end)
          from tree
         where type in ${WORK} and status not in (${statusList(statuses.canceled)})
         group by root
      ),
      above(root, id) as (
        select r.root, p.id from roots r join item i on i.id = r.root join item p on p.id = i.parent_id
         where p.deleted_at is null and p.type not in ${WORK}
        union all
        select a.root, p.id from above a join item i on i.id = a.id join item p on p.id = i.parent_id
         where p.deleted_at is null and p.type not in ${WORK}
      ),
      counted(lvl, grp, root) as (
        select m.lvl, m.grp, m.root from member m
         where not exists (select 1 from above a join member o on o.root = a.id where a.root = m.root and o.lvl = m.lvl and o.grp = m.grp)
      )
      select 'item' as lvl, root as grp, points, finished, total, closed, unestimated from sums
      union all
      select c.lvl, c.grp, sum(s.points), sum(s.finished), sum(s.total), sum(s.closed), sum(s.unestimated)
        from counted c join sums s on s.root = c.root
       group by c.lvl, c.grp`.execute(this.db);
    const maps = { item: new Map<string, RollupRecord>(), initiative: new Map<string, RollupRecord>(), goal: new Map<string, RollupRecord>() };
    for (const row of result.rows) {
      maps[row.lvl].set(row.grp, {
        points: Number(row.points),
        donePoints: Number(row.finished),
        items: Number(row.total),
        doneItems: Number(row.closed),
        unestimated: Number(row.unestimated),
      });
    }
    return { byItem: maps.item, byInitiative: maps.initiative, byGoal: maps.goal };
  }

  async unaligned(workspaceId: string, productId: string, skipStatuses: readonly string[], limit: number): Promise<{ items: TracedItemRecord[]; count: number }> {
    const base = this.db
      .selectFrom('item')
      .where('item.workspaceId', '=', workspaceId)
      .where('item.productId', '=', productId)
      .where('item.type', 'in', ['epic', 'feature'])
      .where('item.deletedAt', 'is', null)
      .where('item.status', 'not in', skipStatuses.length > 0 ? [...skipStatuses] : [''])
      // Served when it, or the epic above it, is aligned to an initiative that serves a goal.
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('itemInitiative')
              .innerJoin('initiativeGoal', 'initiativeGoal.initiativeId', 'itemInitiative.initiativeId')
              .select(sql`1`.as('one'))
              .where((eb) => eb.or([eb('itemInitiative.itemId', '=', eb.ref('item.id')), eb('itemInitiative.itemId', '=', eb.ref('item.parentId'))])),
          ),
        ),
      );
    const [rows, counted] = await Promise.all([
      base.select([...TRACED_COLUMNS]).orderBy('item.number').limit(limit).execute(),
      base.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(tracedItem), count: Number(counted.count) };
  }
}
