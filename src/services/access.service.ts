import type { Role } from '../contracts/access.schema';
import { assertAllowed, type Action } from '../domain/access/permissions';
import { notFound, TandemError } from '../domain/errors';
import { parseItemRef } from '../domain/items';
import type { Actor } from './context';
import type { CustomerRecord, InsightRecord, PersonaRecord, SegmentRecord } from './evidence.ports';
import type { MilestoneRecord } from './roadmap.ports';
import type { GoalRecord, InitiativeRecord, ItemRecord, KeyResultRecord, ProductRecord, ReleaseRecord, Repositories } from './ports';

/** Proof that an actor may perform an action in a workspace; services trust it. */
export interface Scope {
  actor: Actor;
  workspaceId: string;
  roles: Role[];
  action: Action;
}

type AccessRepositories = Pick<Repositories, 'members' | 'products' | 'items' | 'sprints' | 'views' | 'decisions' | 'goals' | 'initiatives' | 'releases' | 'customers' | 'insights' | 'roadmap'>;

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
    return (await this.within(actor, await this.repos.sprints.findById(sprintId), 'Sprint', action)).scope;
  }

  async view(actor: Actor, viewId: string, action: Action): Promise<Scope> {
    return (await this.within(actor, await this.repos.views.findById(viewId), 'View', action)).scope;
  }

  async decision(actor: Actor, decisionId: string, action: Action): Promise<Scope> {
    return (await this.within(actor, await this.repos.decisions.findById(decisionId), 'Decision', action)).scope;
  }

  async goal(actor: Actor, goalId: string, action: Action): Promise<{ scope: Scope; goal: GoalRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.goals.findById(goalId), 'Goal', action);
    return { scope, goal: record };
  }

  async keyResult(actor: Actor, keyResultId: string, action: Action): Promise<{ scope: Scope; keyResult: KeyResultRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.goals.findKeyResult(keyResultId), 'Key result', action);
    return { scope, keyResult: record };
  }

  async initiative(actor: Actor, initiativeId: string, action: Action): Promise<{ scope: Scope; initiative: InitiativeRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.initiatives.findById(initiativeId), 'Initiative', action);
    return { scope, initiative: record };
  }

  async release(actor: Actor, releaseId: string, action: Action): Promise<{ scope: Scope; release: ReleaseRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.releases.findById(releaseId), 'Release', action);
    return { scope, release: record };
  }

  async segment(actor: Actor, segmentId: string, action: Action): Promise<{ scope: Scope; segment: SegmentRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.customers.findSegment(segmentId), 'Segment', action);
    return { scope, segment: record };
  }

  async customer(actor: Actor, customerId: string, action: Action): Promise<{ scope: Scope; customer: CustomerRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.customers.findCustomer(customerId), 'Customer', action);
    return { scope, customer: record };
  }

  async persona(actor: Actor, personaId: string, action: Action): Promise<{ scope: Scope; persona: PersonaRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.customers.findPersona(personaId), 'Persona', action);
    return { scope, persona: record };
  }

  async insight(actor: Actor, insightId: string, action: Action): Promise<{ scope: Scope; insight: InsightRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.insights.findById(insightId), 'Insight', action);
    return { scope, insight: record };
  }

  async milestone(actor: Actor, milestoneId: string, action: Action): Promise<{ scope: Scope; milestone: MilestoneRecord }> {
    const { scope, record } = await this.within(actor, await this.repos.roadmap.findMilestone(milestoneId), 'Milestone', action);
    return { scope, milestone: record };
  }

  /** A row found by id, checked like its workspace: missing and foreign rows are both `not_found`, named `what`. */
  private async within<T extends { workspaceId: string }>(actor: Actor, record: T | null, what: string, action: Action): Promise<{ scope: Scope; record: T }> {
    if (!record) throw notFound(what);
    return { scope: await this.workspace(actor, record.workspaceId, action, what), record };
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
