import { ranksAfter } from '../domain/ranking';
import type { AuthService } from './auth.service';
import type { ServiceContext } from './context';
import { DEMO_ACCOUNTS, DEMO_ITEMS, DEMO_PASSWORD, DEMO_PRODUCT, DEMO_WORKSPACE, syntheticItem } from './demo-data';
import type { NewItem, Repositories, UnitOfWork, UserRecord } from './ports';
import type { ProductService } from './product.service';
import type { WorkspaceService } from './workspace.service';

type SeedRepositories = Pick<Repositories, 'users' | 'members' | 'products' | 'items' | 'workspaces'>;

// Large seeds commit in chunks: bounded memory, and progress that means something.
const CHUNK = 5_000;

export class SeedService {
  constructor(
    private readonly store: UnitOfWork<SeedRepositories>,
    private readonly auth: AuthService,
    private readonly workspaces: WorkspaceService,
    private readonly products: ProductService,
    private readonly ctx: ServiceContext,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.store.read.users.count()) === 0;
  }

  /** The demo workspace and one account per role; only into an empty database. */
  async seedDemo(): Promise<{ seeded: boolean; workspaceId?: string; productId?: string }> {
    if (!(await this.isEmpty())) return { seeded: false };
    const users: Array<(typeof DEMO_ACCOUNTS)[number] & { user: UserRecord }> = [];
    for (const account of DEMO_ACCOUNTS) {
      users.push({ ...account, user: await this.auth.createUser({ ...account, password: DEMO_PASSWORD }) });
    }
    const owner = users[0]!;
    const workspace = await this.workspaces.create(owner.user.id, DEMO_WORKSPACE);
    const now = this.ctx.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      for (const { user, roles } of users.slice(1)) await repos.members.add(workspace.id, user.id, roles, now);
    });
    const ownerScope = { actor: { userId: owner.user.id }, workspaceId: workspace.id, roles: owner.roles, action: 'product.create' as const };
    const product = await this.products.create(ownerScope, DEMO_PRODUCT);
    const authors = users.filter(({ roles }) => roles.some((role) => ['product_manager', 'product_owner', 'contributor'].includes(role)));
    await this.insertItems(workspace.id, product.id, DEMO_ITEMS.length, (n) => ({
      description: '',
      ...DEMO_ITEMS[n]!,
      createdBy: authors[n % authors.length]!.user.id,
    }));
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
    make: (n: number) => Pick<NewItem, 'type' | 'title' | 'status' | 'description' | 'createdBy'>,
    onProgress?: (done: number) => void,
  ): Promise<void> {
    for (let start = 0; start < count; start += CHUNK) {
      const size = Math.min(CHUNK, count - start);
      await this.store.transaction(async (repos) => {
        const first = await repos.products.takeItemNumbers(productId, size);
        const ranks = ranksAfter(await repos.items.lastRank(workspaceId, productId), size);
        const now = this.ctx.clock.now().toISOString();
        const items: NewItem[] = ranks.map((rank, i) => ({
          id: this.ctx.newId(),
          workspaceId,
          productId,
          number: first + i,
          rank,
          version: 1,
          createdAt: now,
          updatedAt: now,
          ...make(start + i),
        }));
        await repos.items.insertMany(items);
      });
      onProgress?.(start + size);
    }
  }
}
