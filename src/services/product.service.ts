import { notFound, staleVersion } from '../domain/errors';
import type { Scope } from './access.service';
import { activityEntry } from './activity';
import type { ServiceContext } from './context';
import type { EventPublisher, ProductRecord, Repositories, UnitOfWork } from './ports';

type ProductRepositories = Pick<Repositories, 'products' | 'activity'>;

export class ProductService {
  constructor(
    private readonly store: UnitOfWork<ProductRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  list(scope: Scope): Promise<ProductRecord[]> {
    return this.store.read.products.list(scope.workspaceId);
  }

  async create(scope: Scope, input: { key: string; name: string; description: string }): Promise<ProductRecord> {
    const now = this.ctx.clock.now().toISOString();
    const product: ProductRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      ...input,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (repos) => {
      await repos.products.insert(product);
      await repos.activity.record(
        activityEntry(this.ctx, {
          workspaceId: scope.workspaceId,
          actorId: scope.actor.userId,
          action: 'product.created',
          subjectType: 'product',
          subjectId: product.id,
          after: product,
        }),
      );
    });
    this.events.publish({ type: 'product.created', workspaceId: scope.workspaceId, productId: product.id, ids: [product.id], actor: scope.actor.userId });
    return product;
  }

  async update(
    scope: Scope,
    productId: string,
    patch: { name?: string | undefined; description?: string | undefined },
    expectedVersion?: number,
  ): Promise<ProductRecord> {
    const now = this.ctx.clock.now().toISOString();
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const product = await this.store.transaction(async (repos) => {
      const before = await repos.products.findById(productId);
      if (!before || before.workspaceId !== scope.workspaceId) throw notFound('Product');
      const after = await repos.products.update(productId, changes, now, expectedVersion);
      if (!after) throw staleVersion('product', before.version);
      await repos.activity.record(
        activityEntry(this.ctx, {
          workspaceId: scope.workspaceId,
          actorId: scope.actor.userId,
          action: 'product.updated',
          subjectType: 'product',
          subjectId: productId,
          before,
          after,
        }),
      );
      return after;
    });
    this.events.publish({ type: 'product.updated', workspaceId: scope.workspaceId, productId, ids: [productId], actor: scope.actor.userId });
    return product;
  }
}
