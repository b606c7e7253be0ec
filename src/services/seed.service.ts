import { ranksAfter } from '../domain/ranking';
import type { Role } from '../contracts/access.schema';
import { BLANK_ITEM_FIELDS } from '../domain/backlog/story';
import { DEFAULT_WORKFLOW } from '../domain/backlog/workflow';
import { isTandemError } from '../domain/errors';
import { activityEntry } from './activity';
import type { ServiceContext } from './context';
import { DEMO_ACCOUNTS, DEMO_ITEMS, DEMO_PASSWORD, DEMO_PRODUCT, DEMO_WORKSPACE, syntheticItem, type DemoItem } from './demo-data';
import type { ItemFields, NewItem, PasswordHasher, ProductRecord, Repositories, UnitOfWork, UserRecord, WorkspaceRecord } from './ports';

/** What a seeded item says for itself; the rest is blank. */
type SeedItem = Pick<NewItem, 'type' | 'title' | 'status' | 'createdBy'> & Partial<ItemFields> & { id?: string };

type SeedRepositories = Pick<Repositories, 'users' | 'members' | 'products' | 'items' | 'workspaces' | 'activity'>;

// Large seeds commit in chunks: bounded memory, and progress that means something.
const CHUNK = 5_000;

export class SeedService {
  constructor(
    private readonly store: UnitOfWork<SeedRepositories>,
    private readonly hasher: PasswordHasher,
    private readonly ctx: ServiceContext,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.store.read.users.count()) === 0;
  }

  /**
   * The demo workspace and one account per role, only into an empty database,
   * in one transaction: a crash leaves nothing half-made, and when two servers
   * start together on one database the second finds the accounts taken and
   * leaves the first one's demo alone.
   */
  async seedDemo(): Promise<{ seeded: boolean; workspaceId?: string; productId?: string }> {
    if (!(await this.isEmpty())) return { seeded: false };
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const now = this.ctx.clock.now().toISOString();
    const users: Array<UserRecord & { roles: Role[] }> = DEMO_ACCOUNTS.map((account) => ({
      id: this.ctx.newId(),
      email: account.email,
      name: account.name,
      roles: account.roles,
      passwordHash,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    const workspace: WorkspaceRecord = { id: this.ctx.newId(), name: DEMO_WORKSPACE, version: 1, createdAt: now, updatedAt: now };
    const product: ProductRecord = {
      id: this.ctx.newId(),
      workspaceId: workspace.id,
      ...DEMO_PRODUCT,
      workflow: [...DEFAULT_WORKFLOW],
      customFields: [],
      scoringCriteria: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const authors = users.filter(({ roles }) => roles.some((role) => ['product_manager', 'product_owner', 'contributor'].includes(role)));
    try {
      await this.store.transaction(async (repos) => {
        for (const { roles: _roles, ...user } of users) await repos.users.insert(user);
        await repos.workspaces.insert(workspace);
        for (const user of users) await repos.members.add(workspace.id, user.id, user.roles, now);
        await repos.products.insert(product);
        await repos.activity.record(
          activityEntry(this.ctx, {
            workspaceId: workspace.id,
            actorId: users[0]!.id,
            action: 'workspace.created',
            subjectType: 'workspace',
            subjectId: workspace.id,
            after: { ...workspace, demo: true },
          }),
        );
        const ids = new Map(DEMO_ITEMS.flatMap((item) => (item.ref ? [[item.ref, this.ctx.newId()] as const] : [])));
        const userIds = new Map(users.map((user) => [user.email, user.id]));
        await this.appendItems(repos, workspace.id, product.id, 0, DEMO_ITEMS.length, (n) =>
          demoItem(DEMO_ITEMS[n]!, authors[n % authors.length]!.id, ids, userIds, () => this.ctx.newId()),
        );
      });
    } catch (error) {
      if (isTandemError(error) && error.code === 'email_taken') return { seeded: false };
      throw error;
    }
    return { seeded: true, workspaceId: workspace.id, productId: product.id };
  }

  /**
   * Appends `count` synthetic items to a product, for benchmarks and load
   * tests, reporting progress as it goes.
   */
  async seedItems(workspaceId: string, productId: string, count: number, onProgress?: (done: number) => void): Promise<void> {
    await this.insertItems(workspaceId, productId, count, (n) => ({ ...syntheticItem(n), createdBy: null }), onProgress);
  }

  private async insertItems(
    workspaceId: string,
    productId: string,
    count: number,
    make: (n: number) => SeedItem,
    onProgress?: (done: number) => void,
  ): Promise<void> {
    for (let start = 0; start < count; start += CHUNK) {
      const size = Math.min(CHUNK, count - start);
      await this.store.transaction((repos) => this.appendItems(repos, workspaceId, productId, start, size, make));
      onProgress?.(start + size);
    }
  }

  private async appendItems(
    repos: SeedRepositories,
    workspaceId: string,
    productId: string,
    offset: number,
    size: number,
    make: (n: number) => SeedItem,
  ): Promise<void> {
    const first = await repos.products.takeItemNumbers(productId, size);
    const ranks = ranksAfter(await repos.items.lastRank(workspaceId, productId), size);
    const now = this.ctx.clock.now().toISOString();
    const items: NewItem[] = ranks.map((rank, i) => ({
      ...BLANK_ITEM_FIELDS,
      id: this.ctx.newId(),
      workspaceId,
      productId,
      number: first + i,
      rank,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...make(offset + i),
    }));
    await repos.items.insertMany(items);
  }
}

/** A demo item as stored: its parent and assignee resolved to ids, its criteria numbered. */
function demoItem(item: DemoItem, createdBy: string, ids: ReadonlyMap<string, string>, userIds: ReadonlyMap<string, string>, newId: () => string): SeedItem {
  const { ref, parent, criteria, assignee, blockedReason, ...fields } = item;
  return {
    ...fields,
    ...(ref && { id: ids.get(ref)! }),
    parentId: parent ? ids.get(parent)! : null,
    acceptanceCriteria: (criteria ?? []).map(([given, when, then, done]) => ({ id: newId(), given, when, then, done: done ?? false })),
    assigneeId: assignee ? userIds.get(assignee)! : null,
    blocked: blockedReason !== undefined,
    blockedReason: blockedReason ?? '',
    createdBy,
  };
}
