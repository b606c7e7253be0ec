import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../contracts/access.schema';
import { ACTIONS, isAllowed, type Action } from '../../domain/access/permissions';
import { DEFAULT_WORKFLOW } from '../../domain/backlog/workflow';
import { buildUser, buildWorkspace, call, createTestApp, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

interface Request {
  method: string;
  url: string;
  body?: unknown;
}

/** What each action needs to exist before it is tried: a fresh item, a spare member… */
interface Targets {
  ws: TestWorkspace;
  itemId: string;
  trashedItemId: string;
  spareUserId: string;
  uniqueKey: string;
  plannedSprintId: string;
  activeSprintId: string;
  /** An item assigned to the contributor. */
  ownItemId: string;
  /** A story in the running sprint. */
  sprintItemId: string;
  /** A feature and an initiative of the product, for alignment, and a release. */
  featureId: string;
  initiativeId: string;
  releaseId: string;
}

/** One representative request per action of the matrix, and the operation it exercises. */
const REQUESTS: Record<Action, { operationId: string; request: (t: Targets) => Request }> = {
  'workspace.read': { operationId: 'getWorkspace', request: (t) => ({ method: 'GET', url: `/api/v1/workspaces/${t.ws.workspace.id}` }) },
  'workspace.update': {
    operationId: 'updateWorkspace',
    request: (t) => ({ method: 'PATCH', url: `/api/v1/workspaces/${t.ws.workspace.id}`, body: { name: 'Renamed' } }),
  },
  'member.read': { operationId: 'listMembers', request: (t) => ({ method: 'GET', url: `/api/v1/workspaces/${t.ws.workspace.id}/members` }) },
  'member.invite': {
    operationId: 'createInvite',
    request: (t) => ({ method: 'POST', url: `/api/v1/workspaces/${t.ws.workspace.id}/invites`, body: { roles: ['viewer'] } }),
  },
  'member.update_roles': {
    operationId: 'updateMemberRoles',
    request: (t) => ({
      method: 'PATCH',
      url: `/api/v1/workspaces/${t.ws.workspace.id}/members/${t.spareUserId}`,
      body: { roles: ['stakeholder', 'viewer'] },
    }),
  },
  'member.remove': {
    operationId: 'removeMember',
    request: (t) => ({ method: 'DELETE', url: `/api/v1/workspaces/${t.ws.workspace.id}/members/${t.spareUserId}` }),
  },
  'activity.read': { operationId: 'listActivity', request: (t) => ({ method: 'GET', url: `/api/v1/workspaces/${t.ws.workspace.id}/activity` }) },
  'product.create': {
    operationId: 'createProduct',
    request: (t) => ({ method: 'POST', url: `/api/v1/workspaces/${t.ws.workspace.id}/products`, body: { key: t.uniqueKey, name: 'New' } }),
  },
  'product.update': {
    operationId: 'updateProduct',
    request: (t) => ({ method: 'PATCH', url: `/api/v1/products/${t.ws.product.id}`, body: { name: 'Renamed product' } }),
  },
  'workflow.update': {
    operationId: 'replaceWorkflow',
    request: (t) => ({
      method: 'PUT',
      url: `/api/v1/products/${t.ws.product.id}/workflow`,
      body: { statuses: [...DEFAULT_WORKFLOW, { name: `Blocked ${t.uniqueKey}`, category: 'in_progress' }] },
    }),
  },
  'item.read': { operationId: 'getItem', request: (t) => ({ method: 'GET', url: `/api/v1/items/${t.itemId}` }) },
  'item.create': {
    operationId: 'createItem',
    request: (t) => ({ method: 'POST', url: `/api/v1/products/${t.ws.product.id}/items`, body: { type: 'story', title: 'New' } }),
  },
  'item.update': { operationId: 'updateItem', request: (t) => ({ method: 'PATCH', url: `/api/v1/items/${t.itemId}`, body: { title: 'Edited' } }) },
  'item.score': {
    operationId: 'scoreItem',
    request: (t) => ({ method: 'POST', url: `/api/v1/items/${t.itemId}/scores`, body: { framework: 'ice', inputs: { impact: 5, confidence: 5, ease: 5 } } }),
  },
  'item.update_own_work': {
    operationId: 'updateItem',
    request: (t) => ({ method: 'PATCH', url: `/api/v1/items/${t.ownItemId}`, body: { status: 'in_progress', estimate: 3 } }),
  },
  'item.rank_in_sprint': {
    operationId: 'moveItem',
    request: (t) => ({ method: 'POST', url: `/api/v1/items/${t.sprintItemId}/move`, body: { position: 'top' } }),
  },
  'item.rank': {
    operationId: 'moveItem',
    request: (t) => ({ method: 'POST', url: `/api/v1/items/${t.itemId}/move`, body: { position: 'top' } }),
  },
  'item.override_wip': {
    operationId: 'updateItem',
    request: (t) => ({ method: 'PATCH', url: `/api/v1/items/${t.itemId}?overrideWipLimit=true`, body: { status: 'in_progress' } }),
  },
  'sprint.manage': {
    operationId: 'createSprint',
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/products/${t.ws.product.id}/sprints`,
      body: { name: `Sprint ${t.uniqueKey}`, startDate: '2027-01-04', endDate: '2027-01-15' },
    }),
  },
  'sprint.plan': {
    operationId: 'commitSprintItem',
    request: (t) => ({ method: 'POST', url: `/api/v1/sprints/${t.plannedSprintId}/items`, body: { itemId: t.itemId } }),
  },
  'sprint.change_scope': {
    operationId: 'commitSprintItem',
    request: (t) => ({ method: 'POST', url: `/api/v1/sprints/${t.activeSprintId}/items`, body: { itemId: t.itemId } }),
  },
  'view.save': {
    operationId: 'createView',
    request: (t) => ({ method: 'POST', url: `/api/v1/products/${t.ws.product.id}/views`, body: { name: 'Mine', query: 'type:story' } }),
  },
  'view.share': {
    operationId: 'createView',
    request: (t) => ({ method: 'POST', url: `/api/v1/products/${t.ws.product.id}/views`, body: { name: 'Ours', query: 'type:story', shared: true } }),
  },
  'decision.write': {
    operationId: 'createDecision',
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/products/${t.ws.product.id}/decisions`,
      body: { title: 'Ship CSV before PDF', status: 'decided', outcome: 'CSV first', itemIds: [t.itemId] },
    }),
  },
  'strategy.update': {
    operationId: 'createGoal',
    request: (t) => ({ method: 'POST', url: `/api/v1/products/${t.ws.product.id}/goals`, body: { title: 'Win mid-market', startDate: '2027-01-01', endDate: '2027-03-31' } }),
  },
  'item.align': {
    operationId: 'alignItem',
    request: (t) => ({ method: 'PUT', url: `/api/v1/items/${t.featureId}/initiatives`, body: { initiativeIds: [t.initiativeId] } }),
  },
  'release.manage': {
    operationId: 'createRelease',
    request: (t) => ({ method: 'POST', url: `/api/v1/products/${t.ws.product.id}/releases`, body: { name: `Release ${t.uniqueKey}`, targetDate: '2027-03-31' } }),
  },
  'release.scope': {
    operationId: 'addReleaseItem',
    request: (t) => ({ method: 'POST', url: `/api/v1/releases/${t.releaseId}/items`, body: { itemId: t.itemId } }),
  },
  'launch.manage': {
    operationId: 'createLaunchTask',
    request: (t) => ({ method: 'POST', url: `/api/v1/releases/${t.releaseId}/launch-tasks`, body: { title: `Task ${t.uniqueKey}` } }),
  },
  'market.manage': {
    operationId: 'createCompetitor',
    request: (t) => ({ method: 'POST', url: `/api/v1/products/${t.ws.product.id}/competitors`, body: { name: `Rival ${t.uniqueKey}`, website: 'https://rival.example' } }),
  },
  'roadmap.manage': {
    operationId: 'scheduleItem',
    request: (t) => ({ method: 'PATCH', url: `/api/v1/items/${t.featureId}/schedule`, body: { horizon: 'next' } }),
  },
  'insight.create': {
    operationId: 'createInsight',
    request: (t) => ({ method: 'POST', url: `/api/v1/products/${t.ws.product.id}/insights`, body: { text: `Heard ${t.uniqueKey}`, source: 'support' } }),
  },
  'evidence.manage': {
    operationId: 'createCustomer',
    request: (t) => ({ method: 'POST', url: `/api/v1/workspaces/${t.ws.workspace.id}/customers`, body: { name: `Customer ${t.uniqueKey}`, annualRevenue: 1000 } }),
  },
  'item.delete': { operationId: 'deleteItem', request: (t) => ({ method: 'DELETE', url: `/api/v1/items/${t.itemId}` }) },
  'item.restore': { operationId: 'restoreItem', request: (t) => ({ method: 'POST', url: `/api/v1/items/${t.trashedItemId}/restore` }) },
};

/** Operations checked by the same action as another one in REQUESTS, or needing only a signed-in account. */
const SAME_ACTION_AS: Record<string, Action> = {
  listProducts: 'workspace.read',
  getProduct: 'workspace.read',
  listItems: 'item.read',
  listTrash: 'item.read',
  listItemChildren: 'item.read',
  countItemsByStatus: 'item.read',
  listItemScores: 'item.read',
  listProductScores: 'item.read',
  listItemActivity: 'activity.read',
  deleteItemScore: 'item.score',
  replaceScoringCriteria: 'workflow.update',
  applyScoreOrder: 'item.rank',
  listSprints: 'item.read',
  getSprint: 'item.read',
  listSprintItems: 'item.read',
  getBurndown: 'item.read',
  getVelocity: 'item.read',
  updateSprint: 'sprint.manage',
  startSprint: 'sprint.manage',
  completeSprint: 'sprint.manage',
  removeSprintItem: 'sprint.plan',
  listViews: 'item.read',
  updateView: 'view.save',
  deleteView: 'view.save',
  listDecisions: 'item.read',
  getDecision: 'item.read',
  listItemDecisions: 'item.read',
  updateDecision: 'decision.write',
  replaceCustomFields: 'workflow.update',
  listGoals: 'item.read',
  getGoal: 'item.read',
  listInitiatives: 'item.read',
  getInitiative: 'item.read',
  getItemAlignment: 'item.read',
  traceItem: 'item.read',
  getTraceability: 'item.read',
  listItemDependencies: 'item.read',
  getThroughput: 'item.read',
  listReleases: 'item.read',
  getRelease: 'item.read',
  listReleaseItems: 'item.read',
  getReleaseForecast: 'item.read',
  listReleaseChanges: 'item.read',
  updateRelease: 'release.manage',
  deleteRelease: 'release.manage',
  removeReleaseItem: 'release.scope',
  getLaunchTemplate: 'item.read',
  replaceLaunchTemplate: 'launch.manage',
  listLaunchTasks: 'item.read',
  applyLaunchTemplate: 'launch.manage',
  updateLaunchTask: 'launch.manage',
  deleteLaunchTask: 'launch.manage',
  getReleaseNotes: 'item.read',
  saveReleaseNotes: 'launch.manage',
  draftReleaseNotes: 'launch.manage',
  exportReleaseNotes: 'item.read',
  addItemDependency: 'item.update',
  removeItemDependency: 'item.update',
  updateGoal: 'strategy.update',
  deleteGoal: 'strategy.update',
  createKeyResult: 'strategy.update',
  updateKeyResult: 'strategy.update',
  deleteKeyResult: 'strategy.update',
  createInitiative: 'strategy.update',
  updateInitiative: 'strategy.update',
  deleteInitiative: 'strategy.update',
  listCompetitors: 'item.read',
  getCompetitor: 'item.read',
  updateCompetitor: 'market.manage',
  deleteCompetitor: 'market.manage',
  listCapabilities: 'item.read',
  createCapability: 'market.manage',
  updateCapability: 'market.manage',
  deleteCapability: 'market.manage',
  assessCapability: 'market.manage',
  getCapabilityMatrix: 'item.read',
  listPricingPlans: 'item.read',
  createPricingPlan: 'market.manage',
  updatePricingPlan: 'market.manage',
  deletePricingPlan: 'market.manage',
  setPlanFeature: 'market.manage',
  removePlanFeature: 'market.manage',
  getPackaging: 'item.read',
  exportPackaging: 'item.read',
  getRoadmap: 'item.read',
  getItemSchedule: 'item.read',
  listMilestones: 'item.read',
  createMilestone: 'roadmap.manage',
  updateMilestone: 'roadmap.manage',
  deleteMilestone: 'roadmap.manage',
  listSegments: 'workspace.read',
  createSegment: 'evidence.manage',
  updateSegment: 'evidence.manage',
  deleteSegment: 'evidence.manage',
  listCustomers: 'workspace.read',
  getCustomer: 'workspace.read',
  updateCustomer: 'evidence.manage',
  deleteCustomer: 'evidence.manage',
  listPersonas: 'item.read',
  getPersona: 'item.read',
  createPersona: 'evidence.manage',
  updatePersona: 'evidence.manage',
  setPersonaItems: 'evidence.manage',
  deletePersona: 'evidence.manage',
  listInsights: 'item.read',
  getInsight: 'item.read',
  importInsights: 'insight.create',
  updateInsight: 'evidence.manage',
  deleteInsight: 'evidence.manage',
  linkInsight: 'evidence.manage',
  unlinkInsight: 'evidence.manage',
  getItemEvidence: 'item.read',
  listProductEvidence: 'item.read',
  listInvites: 'member.invite',
  revokeInvite: 'member.invite',
};
const PERSONAL_OR_PUBLIC = new Set([
  'login',
  'logout',
  'getMe',
  'createToken',
  'listTokens',
  'revokeToken',
  'listWorkspaces',
  'previewInvite',
  'acceptInvite',
  'streamEvents',
  'evaluatePriority',
  'classifyKano',
  'forecastWhen',
  'forecastHowMany',
  'getLiveness',
  'getReadiness',
]);

let keyCounter = 0;

describe.each(DIALECTS)('permission matrix $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let activeSprintId: string;
  let strategy: { featureId: string; initiativeId: string; releaseId: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
    activeSprintId = await sprintOf(t, ws, { started: true });
    strategy = await strategyOf(t, ws);
  });
  afterAll(() => t.close());

  async function freshTargets(): Promise<Targets> {
    const owner = ws.owner.token;
    const item = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: owner, body: { type: 'story', title: 'Target' } })).json();
    const trashed = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: owner, body: { type: 'story', title: 'Trashed' } })).json();
    await call(t.app, 'DELETE', `/api/v1/items/${trashed.id}`, { token: owner });
    const spare = await buildUser(t.runtime);
    await t.runtime.store.transaction((repos) => repos.members.add(ws.workspace.id, spare.user.id, ['viewer'], new Date().toISOString()));
    keyCounter += 1;
    return {
      ws,
      itemId: item.id,
      trashedItemId: trashed.id,
      spareUserId: spare.user.id,
      uniqueKey: `M${dialect === 'sqlite' ? 'S' : 'P'}${keyCounter}`,
      plannedSprintId: await sprintOf(t, ws, { started: false }),
      activeSprintId,
      ...(await workOf(t, ws, activeSprintId)),
      ...strategy,
    };
  }

  it('covers every action of the matrix and every operation of the API', async () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...ACTIONS].sort());
    const spec = (await call(t.app, 'GET', '/api/v1/openapi.json')).json();
    const operations = Object.values(spec.paths as Record<string, Record<string, { operationId: string }>>).flatMap((path) =>
      Object.values(path).map((operation) => operation.operationId),
    );
    const covered = new Set([...Object.values(REQUESTS).map((entry) => entry.operationId), ...Object.keys(SAME_ACTION_AS), ...PERSONAL_OR_PUBLIC]);
    expect(operations.filter((operationId) => !covered.has(operationId))).toEqual([]);
  });

  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action, allowed: isAllowed([role], action) })));

  it.each(cases)('$role $action → allowed: $allowed', async ({ role, action, allowed }: { role: Role; action: Action; allowed: boolean }) => {
    const targets = await freshTargets();
    const { method, url, body } = REQUESTS[action].request(targets);
    const before = allowed ? null : await snapshot(t, ws);
    const response = await call(t.app, method, url, { token: ws.byRole[role].token, body });
    if (allowed) {
      expect(response.statusCode, `${role} ${action}: ${response.body}`).toBeLessThan(300);
    } else {
      expect(response.statusCode, `${role} ${action}: ${response.body}`).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('forbidden');
      expect(await snapshot(t, ws)).toEqual(before);
    }
  });

  it('gives a member holding several roles the union of their permissions', async () => {
    const both = await buildUser(t.runtime);
    await t.runtime.store.transaction((repos) =>
      repos.members.add(ws.workspace.id, both.user.id, ['stakeholder', 'contributor'], new Date().toISOString()),
    );
    const created = await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: both.token, body: { type: 'task', title: 'Union' } });
    expect(created.statusCode).toBe(201);
    const deleted = await call(t.app, 'DELETE', `/api/v1/items/${created.json().id}`, { token: both.token });
    expect(deleted.statusCode).toBe(403);
  });
});

describe.each(DIALECTS)('workspace isolation $name', ({ dialect }) => {
  let t: TestApp;
  let a: TestWorkspace;
  let b: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    a = await buildWorkspace(t.runtime);
    b = await buildWorkspace(t.runtime);
  });
  afterAll(() => t.close());

  it.each(ACTIONS)('an owner of another workspace gets 404 for %s and changes nothing', async (action) => {
    const item = (await call(t.app, 'POST', `/api/v1/products/${a.product.id}/items`, { token: a.owner.token, body: { type: 'story', title: 'Private' } })).json();
    const trashed = (await call(t.app, 'POST', `/api/v1/products/${a.product.id}/items`, { token: a.owner.token, body: { type: 'story', title: 'Gone' } })).json();
    await call(t.app, 'DELETE', `/api/v1/items/${trashed.id}`, { token: a.owner.token });
    const targets: Targets = {
      ws: a,
      itemId: item.id,
      trashedItemId: trashed.id,
      spareUserId: a.byRole.viewer.user.id,
      uniqueKey: 'XW',
      plannedSprintId: await sprintOf(t, a, { started: false }),
      activeSprintId: await sprintOf(t, a, { started: action === 'sprint.change_scope' }),
      ...(await workOf(t, a, null)),
      ...(await strategyOf(t, a)),
    };
    const before = await snapshot(t, a);
    const { method, url, body } = REQUESTS[action].request(targets);
    const response = await call(t.app, method, url, { token: b.owner.token, body });
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json().code).toBe('not_found');
    expect(await snapshot(t, a)).toEqual(before);
  });

  it('does not resolve another workspace’s human keys', async () => {
    const item = (await call(t.app, 'POST', `/api/v1/products/${a.product.id}/items`, { token: a.owner.token, body: { type: 'story', title: 'Keyed' } })).json();
    const response = await call(t.app, 'GET', `/api/v1/items/${item.key}`, { token: b.owner.token });
    expect(response.statusCode).toBe(404);
  });

  it('lists only the caller’s own workspaces', async () => {
    const listed = (await call(t.app, 'GET', '/api/v1/workspaces', { token: b.owner.token })).json();
    expect(listed.items.map((workspace: { id: string }) => workspace.id)).toEqual([b.workspace.id]);
  });
});

/** A sprint of the workspace's product, planned or (the product's only) running one. */
async function sprintOf(t: TestApp, ws: TestWorkspace, { started }: { started: boolean }): Promise<string> {
  const body = { name: `Sprint ${Math.random()}`, startDate: '2027-01-04', endDate: '2027-01-15' };
  const sprint = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/sprints`, { token: ws.owner.token, body })).json();
  if (started) await call(t.app, 'POST', `/api/v1/sprints/${sprint.id}/start`, { token: ws.owner.token });
  return sprint.id;
}

/** An item assigned to the contributor, and a story in the given running sprint (when there is one). */
async function workOf(t: TestApp, ws: TestWorkspace, runningSprintId: string | null): Promise<{ ownItemId: string; sprintItemId: string }> {
  const create = (body: unknown) => call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: ws.owner.token, body });
  const own = (await create({ type: 'task', title: 'Assigned', assigneeId: ws.byRole.contributor.user.id })).json();
  const inSprint = (await create({ type: 'story', title: 'In the sprint' })).json();
  if (runningSprintId) await call(t.app, 'POST', `/api/v1/sprints/${runningSprintId}/items`, { token: ws.owner.token, body: { itemId: inSprint.id } });
  return { ownItemId: own.id, sprintItemId: inSprint.id };
}

/** A feature and an initiative serving a goal, for the alignment requests, and a release for scope requests. */
async function strategyOf(t: TestApp, ws: TestWorkspace): Promise<{ featureId: string; initiativeId: string; releaseId: string }> {
  const owner = ws.owner.token;
  const feature = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/items`, { token: owner, body: { type: 'feature', title: 'Aligned feature' } })).json();
  const goal = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/goals`, { token: owner, body: { title: 'Goal', startDate: '2027-01-01', endDate: '2027-06-30' } })).json();
  const initiative = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/initiatives`, { token: owner, body: { title: 'Bet', goalIds: [goal.id] } })).json();
  const release = (await call(t.app, 'POST', `/api/v1/products/${ws.product.id}/releases`, { token: owner, body: { name: 'Spring', targetDate: '2027-04-30' } })).json();
  return { featureId: feature.id, initiativeId: initiative.id, releaseId: release.id };
}

/** Everything of a workspace that a request could change. */
async function snapshot(t: TestApp, ws: TestWorkspace) {
  const workspace = await t.runtime.store.read.workspaces.findById(ws.workspace.id);
  const members = await t.runtime.store.read.members.list(ws.workspace.id);
  const products = await t.runtime.store.read.products.list(ws.workspace.id);
  const items = await t.runtime.store.read.items.listByRank(ws.workspace.id, ws.product.id, 1000);
  const invites = await t.runtime.store.read.invites.listOpen(ws.workspace.id, new Date().toISOString());
  const activity = await t.runtime.store.read.activity.list(ws.workspace.id, 1);
  const sprints = await t.runtime.store.read.sprints.listByProduct(ws.workspace.id, ws.product.id);
  const views = await t.runtime.store.read.views.listVisible(ws.workspace.id, ws.product.id, ws.owner.user.id);
  const decisions = await t.runtime.store.read.decisions.list(ws.workspace.id, ws.product.id, { limit: 1000 });
  const goals = await t.runtime.store.read.goals.list(ws.workspace.id, ws.product.id);
  const initiatives = await t.runtime.store.read.initiatives.list(ws.workspace.id, ws.product.id);
  const alignments = await t.runtime.store.read.initiatives.alignments(ws.workspace.id, ws.product.id);
  const releases = await t.runtime.store.read.releases.list(ws.workspace.id, ws.product.id);
  const customers = await t.runtime.store.read.customers.listCustomers(ws.workspace.id, { limit: 1000 });
  const insights = await t.runtime.store.read.insights.list(ws.workspace.id, ws.product.id, { limit: 1000 });
  return { workspace, members, products, items, invites, sprints, views, decisions, goals, initiatives, alignments, releases, customers, insights, lastActivity: activity[0]?.id };
}
