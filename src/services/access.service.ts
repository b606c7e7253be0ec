import type { Role } from '../contracts/access.schema';
import { assertAllowed, type Action } from '../domain/access/permissions';
import { notFound, TandemError } from '../domain/errors';
import { parseItemRef } from '../domain/items';
import type { Actor } from './context';
import type { GoalRecord, InitiativeRecord, ItemRecord, KeyResultRecord, ProductRecord, ReleaseRecord, Repositories } from './ports';

/** Proof that an actor may perform an action in a workspace; services trust it. */
export interface Scope {
  actor: Actor;
  workspaceId: string;
  roles: Role[];
  action: Action;
}

type AccessRepositories = Pick<Repositories, 'members' | 'products' | 'items' | 'sprints' | 'views' | 'decisions' | 'goals' | 'initiatives' | 'releases'>;

/**
 * Checks the permission matrix for a request. A caller who is not a member of
 * the workspace gets `not_found`, so other workspaces' existence never leaks.
 */
export class AccessService {
  constructor(private readonly repos: AccessRepositories) {}

  async workspace(actor: Actor, workspaceId: string, action: Action, what = 'Workspace'): Promise<Scope> {
    const roles = await this.repos.members.rolesOf(workspaceId, actor.userId);
    if (roles.length === 0) throw notFound(what);
    assertAllowed(roles, action);
    return { actor, workspaceId, roles, action };
  }

  async product(actor: Actor, productId: string, action: Action): Promise<{ scope: Scope; product: ProductRecord }> {
    const product = await this.repos.products.findById(productId);
    if (!product) throw notFound('Product');
    const scope = await this.workspace(actor, product.workspaceId, action, 'Product');
    return { scope, product };
  }

  async item(actor: Actor, itemRef: string, action: Action): Promise<{ scope: Scope; item: ItemRecord }> {
    const item = await this.findItem(actor, itemRef);
    const scope = await this.workspace(actor, item.workspaceId, action, 'Item');
    return { scope, item };
  }

  async sprint(actor: Actor, sprintId: string, action: Action): Promise<Scope> {
    const sprint = await this.repos.sprints.findById(sprintId);
    if (!sprint) throw notFound('Sprint');
    return this.workspace(actor, sprint.workspaceId, action, 'Sprint');
  }

  async view(actor: Actor, viewId: string, action: Action): Promise<Scope> {
    const view = await this.repos.views.findById(viewId);
    if (!view) throw notFound('View');
    return this.workspace(actor, view.workspaceId, action, 'View');
  }

  async decision(actor: Actor, decisionId: string, action: Action): Promise<Scope> {
    const decision = await this.repos.decisions.findById(decisionId);
    if (!decision) throw notFound('Decision');
    return this.workspace(actor, decision.workspaceId, action, 'Decision');
  }

  async goal(actor: Actor, goalId: string, action: Action): Promise<{ scope: Scope; goal: GoalRecord }> {
    const goal = await this.repos.goals.findById(goalId);
    if (!goal) throw notFound('Goal');
    return { scope: await this.workspace(actor, goal.workspaceId, action, 'Goal'), goal };
  }

  async keyResult(actor: Actor, keyResultId: string, action: Action): Promise<{ scope: Scope; keyResult: KeyResultRecord }> {
    const keyResult = await this.repos.goals.findKeyResult(keyResultId);
    if (!keyResult) throw notFound('Key result');
    return { scope: await this.workspace(actor, keyResult.workspaceId, action, 'Key result'), keyResult };
  }

  async initiative(actor: Actor, initiativeId: string, action: Action): Promise<{ scope: Scope; initiative: InitiativeRecord }> {
    const initiative = await this.repos.initiatives.findById(initiativeId);
    if (!initiative) throw notFound('Initiative');
    return { scope: await this.workspace(actor, initiative.workspaceId, action, 'Initiative'), initiative };
  }

  async release(actor: Actor, releaseId: string, action: Action): Promise<{ scope: Scope; release: ReleaseRecord }> {
    const release = await this.repos.releases.findById(releaseId);
    if (!release) throw notFound('Release');
    return { scope: await this.workspace(actor, release.workspaceId, action, 'Release'), release };
  }

  private async findItem(actor: Actor, itemRef: string): Promise<ItemRecord> {
    const ref = parseItemRef(itemRef);
    if (ref.kind === 'id') {
      const item = await this.repos.items.findById(ref.id);
      if (!item) throw notFound('Item');
      return item;
    }
    const memberships = await this.repos.members.membershipsOf(actor.userId);
    const found = await this.repos.items.findByKey(
      memberships.map((membership) => membership.workspace.id),
      ref.productKey,
      ref.number,
    );
    if (found.length === 0) throw notFound('Item');
    if (found.length > 1) {
      throw new TandemError('ambiguous_key', `${itemRef} names items in several of your workspaces; use the item id`);
    }
    return found[0]!;
  }
}
