import type { SavedViewCreate, SavedViewUpdate } from '../contracts/view.schema';
import { assertAllowed } from '../domain/access/permissions';
import { parseQuery } from '../domain/backlog/query';
import { notFound, staleVersion } from '../domain/errors';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import type { ProductRecord, Repositories, SavedViewRecord, UnitOfWork } from './ports';

type ViewRepositories = Pick<Repositories, 'views' | 'activity'>;

/**
 * Saved backlog views: a name, a filter query and a sort. A view is its
 * owner's own unless shared with the product, which only roles allowed
 * `view.share` may do (and they look after shared views).
 */
export class SavedViewService {
  constructor(
    private readonly store: UnitOfWork<ViewRepositories>,
    private readonly ctx: ServiceContext,
  ) {}

  list(scope: Scope, product: ProductRecord): Promise<SavedViewRecord[]> {
    return this.store.read.views.listVisible(scope.workspaceId, product.id, scope.actor.userId);
  }

  async create(scope: Scope, product: ProductRecord, input: SavedViewCreate): Promise<SavedViewRecord> {
    parseQuery(input.query);
    if (input.shared) this.assertMayShare(scope);
    const now = this.ctx.clock.now().toISOString();
    const view: SavedViewRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      productId: product.id,
      ownerId: scope.actor.userId,
      name: input.name,
      query: input.query,
      sort: input.sort ?? 'rank',
      shared: input.shared ?? false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (repos) => {
      await repos.views.insert(view);
      await this.record(repos, scope, 'view.created', view.id, null, view);
    });
    return view;
  }

  async update(scope: Scope, viewId: string, patch: SavedViewUpdate, expectedVersion?: number): Promise<SavedViewRecord> {
    if (patch.query !== undefined) parseQuery(patch.query);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const now = this.ctx.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const before = await this.editable(repos, scope, viewId);
      if (patch.shared) this.assertMayShare(scope);
      const after = await repos.views.update(viewId, changes, now, expectedVersion);
      if (!after) throw staleVersion('view', before.version);
      await this.record(repos, scope, 'view.updated', viewId, before, after);
      return after;
    });
  }

  async remove(scope: Scope, viewId: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await this.editable(repos, scope, viewId);
      await repos.views.delete(viewId);
      await this.record(repos, scope, 'view.deleted', viewId, before, null);
    });
  }

  /** A view the caller may change: their own, or a shared one when they may share. Others' own views stay invisible. */
  private async editable(repos: ViewRepositories, scope: Scope, viewId: string): Promise<SavedViewRecord> {
    const view = await repos.views.findById(viewId);
    const visible = view && view.workspaceId === scope.workspaceId && (view.shared || view.ownerId === scope.actor.userId);
    if (!view || !visible) throw notFound('View');
    if (view.ownerId !== scope.actor.userId) this.assertMayShare(scope);
    return view;
  }

  private assertMayShare(scope: Scope): void {
    assertAllowed(scope.roles, 'view.share');
  }

  private record(repos: ViewRepositories, scope: Scope, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'view', action, subjectId, before, after });
  }
}
