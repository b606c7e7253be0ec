import { ROLES } from '../../contracts/vocabulary';
import type { Role } from '../../contracts/access.schema';
import { TandemError } from '../errors';

const everyone = ROLES;
const owner: readonly Role[] = ['owner'];
const strategy: readonly Role[] = ['owner', 'product_manager'];
const backlog: readonly Role[] = ['owner', 'product_manager', 'product_owner'];
const backlogOrder: readonly Role[] = ['owner', 'product_owner'];
const delivery: readonly Role[] = ['owner', 'product_manager', 'product_owner', 'contributor'];
const contributors: readonly Role[] = ['owner', 'product_manager', 'product_owner', 'contributor', 'stakeholder'];

/**
 * The permission matrix: for each action, the roles that may perform it.
 * Every route names one of these actions; docs/roles.md is generated from it.
 */
export const PERMISSIONS = {
  'workspace.read': { roles: everyone, description: 'See the workspace and its products' },
  'workspace.update': { roles: owner, description: 'Rename the workspace' },
  'member.read': { roles: everyone, description: 'See who is in the workspace and their roles' },
  'member.invite': { roles: owner, description: 'Invite people by link, list and revoke invites' },
  'member.update_roles': { roles: owner, description: "Change a member's roles" },
  'member.remove': { roles: owner, description: 'Remove a member from the workspace' },
  'activity.read': { roles: everyone, description: 'Read the audit log of changes' },
  'product.create': { roles: strategy, description: 'Create a product' },
  'product.update': { roles: strategy, description: "Change a product's name, description, vision and strategy" },
  'strategy.update': { roles: strategy, description: 'Set goals and their key results, and initiatives aligned to goals' },
  'item.align': { roles: strategy, description: 'Align epics and features to initiatives' },
  'release.manage': { roles: strategy, description: 'Create, date, move through their statuses and remove releases' },
  'release.scope': { roles: backlog, description: "Put stories, tasks and bugs in a release's scope or take them out (epics and features take release.manage)" },
  'market.manage': { roles: strategy, description: 'Research the market: competitors, the capability matrix, pricing plans and packaging' },
  'launch.manage': {
    roles: strategy,
    description: "Run a release's launch: the product's checklist template, the checklist's tasks (owner, due date, state) and the release notes",
  },
  'roadmap.manage': {
    roles: strategy,
    description: 'Plan epics and features on the roadmap (dates on the timeline, Now / Next / Later) and keep its milestones',
  },
  'insight.create': { roles: contributors, description: 'Add customer insights to the inbox: from the form, the API or a CSV file' },
  'evidence.manage': {
    roles: strategy,
    description: 'Keep the customer evidence: customers, segments and personas; edit or remove insights and link them to items',
  },
  'workflow.update': {
    roles: backlog,
    description: "Set up a product's backlog: workflow statuses and WIP limits, custom fields, weighted-scoring criteria",
  },
  'item.read': { roles: everyone, description: 'Read items' },
  'item.create': { roles: delivery, description: 'Create items' },
  'item.update': { roles: backlog, description: 'Edit any field of any item' },
  'item.update_own_work': {
    roles: delivery,
    description: 'Update the status, estimate, acceptance criteria and blocked flag of the items one is assigned to',
  },
  'item.score': { roles: backlog, description: 'Score items with a prioritisation framework (RICE, WSJF, …)' },
  'item.rank': { roles: backlog, description: 'Reorder the backlog (move an item before or after another)' },
  'item.rank_in_sprint': { roles: backlogOrder, description: 'Reorder the stories, tasks and bugs of a running sprint' },
  'item.override_wip': { roles: backlogOrder, description: 'Move an item into a status past its WIP limit' },
  'sprint.manage': { roles: backlogOrder, description: 'Create, edit, start and complete sprints' },
  'sprint.plan': { roles: backlog, description: 'Commit items to a sprint, or take them out, before it starts' },
  'sprint.change_scope': { roles: backlogOrder, description: 'Change the scope of a running sprint (recorded as a scope change)' },
  'view.save': { roles: everyone, description: 'Save backlog filters as views of their own' },
  'view.share': { roles: backlog, description: 'Share saved views with the whole product, and look after shared ones' },
  'decision.write': { roles: backlog, description: 'Record decisions in the decision log and change them' },
  'item.delete': { roles: backlog, description: 'Move items to the trash' },
  'item.restore': { roles: backlog, description: 'Restore items from the trash' },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** A member holding several roles may do what any of them may do. */
export function isAllowed(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = PERMISSIONS[action].roles;
  return roles.some((role) => allowed.includes(role));
}

/** Refuses with `forbidden`, naming the roles and the action, unless one of the roles allows it. */
export function assertAllowed(roles: readonly Role[], action: Action): void {
  if (!isAllowed(roles, action)) throw new TandemError('forbidden', `Your roles (${roles.join(', ')}) do not allow ${action}`, { action, roles });
}

/** The roles ordered from most to least powerful, for showing one headline role. */
export function primaryRole(roles: readonly Role[]): Role {
  const found = ROLES.find((role) => roles.includes(role));
  if (!found) throw new Error('a member always holds at least one role');
  return found;
}
