import { invalidField, notFound, TandemError } from '../domain/errors';
import { formatItemKey } from '../domain/items';
import { cycleThrough } from '../domain/roadmap/dependencies';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import { itemOfProduct } from './item-refs';
import type { EventPublisher, ItemRecord, Repositories, UnitOfWork } from './ports';

type DependencyRepositories = Pick<Repositories, 'dependencies' | 'items' | 'products' | 'activity'>;

/** Item blocks item, inside one product, never in a cycle. */
export class DependencyService {
  constructor(
    private readonly store: UnitOfWork<DependencyRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  around(scope: Scope, item: ItemRecord) {
    return this.store.read.dependencies.around(scope.workspaceId, item.id);
  }

  /** Makes `item` block the item `blocksRef` names; true when it is new. */
  async add(scope: Scope, item: ItemRecord, blocksRef: string): Promise<boolean> {
    const added = await this.store.transaction(async (repos) => {
      // Checks and inserts are serialised per product, so two requests cannot close a cycle between them.
      await repos.products.lock(item.productId);
      const blocked = await this.target(repos, scope, item, blocksRef);
      const cycle = cycleThrough(await repos.dependencies.ofProduct(scope.workspaceId, item.productId), { blockerId: item.id, blockedId: blocked.id });
      if (cycle) {
        const keys = await Promise.all(cycle.map(async (id) => formatItemKey(item.productKey, (await repos.items.findById(id))!.number)));
        const [first, second] = keys;
        const because = cycle.length === 2 ? 'an item cannot block itself' : `${second} already leads to ${first} (${keys.slice(1).join(' → ')})`;
        throw new TandemError('dependency_cycle', `${first} cannot block ${second}: ${because}`, { cycle: keys });
      }
      const created = await repos.dependencies.add({
        workspaceId: scope.workspaceId,
        productId: item.productId,
        blockerId: item.id,
        blockedId: blocked.id,
        createdBy: scope.actor.userId,
        createdAt: this.ctx.clock.now().toISOString(),
      });
      if (created) await this.record(repos, scope, 'item.dependency_added', item.id, null, { blocksId: blocked.id });
      return { created, blockedId: blocked.id };
    });
    if (added.created) this.publish(scope, item, added.blockedId);
    return added.created;
  }

  async remove(scope: Scope, item: ItemRecord, blocksRef: string): Promise<void> {
    const blockedId = await this.store.transaction(async (repos) => {
      const blocked = await this.target(repos, scope, item, blocksRef, { inTrash: true });
      if (!(await repos.dependencies.remove(item.id, blocked.id))) throw notFound('That dependency');
      await this.record(repos, scope, 'item.dependency_removed', item.id, { blocksId: blocked.id }, null);
      return blocked.id;
    });
    this.publish(scope, item, blockedId);
  }

  private async target(repos: DependencyRepositories, scope: Scope, item: ItemRecord, ref: string, options: { inTrash?: boolean } = {}): Promise<ItemRecord> {
    const found = await itemOfProduct(repos.items, scope.workspaceId, item.productId, ref);
    if (!found) throw invalidField('blocksId', 'no such item in this product');
    if (found.deletedAt && !options.inTrash) throw invalidField('blocksId', 'that item is in the trash');
    if (item.deletedAt) throw invalidField('blocksId', 'this item is in the trash; restore it first');
    return found;
  }

  private record(repos: DependencyRepositories, scope: Scope, action: string, itemId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'item', action, subjectId: itemId, before, after });
  }

  private publish(scope: Scope, item: ItemRecord, blockedId: string) {
    this.events.publish({ type: 'item.updated', workspaceId: scope.workspaceId, productId: item.productId, ids: [item.id, blockedId], actor: scope.actor.userId });
  }
}
