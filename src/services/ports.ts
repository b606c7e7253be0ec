import type { Role } from '../contracts/access.schema';
import type { RealtimeMessage } from '../contracts/events.schema';
import type { AcceptanceCriterion, ItemSort, ItemType } from '../contracts/item.schema';
import type { DecisionStatus } from '../contracts/decision.schema';
import type { ScoredFramework } from '../contracts/prioritization.schema';
import type { CustomField, CustomFieldValue, WorkflowStatus } from '../contracts/workflow.schema';
import type { INITIATIVE_STATUSES, KEY_RESULT_DIRECTIONS, RELEASE_CHANGE_KINDS, RELEASE_STATUSES } from '../contracts/vocabulary';
import type { CustomerRepository, InsightRepository } from './evidence.ports';
import type { LaunchRepository } from './launch-ports';
import type { MarketRepository } from './market.ports';
import type { RoadmapRepository } from './roadmap.ports';

/**
 * The ports the services need. src/store implements the repositories;
 * compose.ts wires them. Records are plain data with ISO-8601 instants.
 */

export interface Clock {
  now(): Date;
}
export type IdFactory = () => string;

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserRepository {
  findById(id: string): Promise<UserRecord | null>;
  findByEmail(email: string): Promise<UserRecord | null>;
  /** Fails with `email_taken` when the address is in use. */
  insert(user: UserRecord): Promise<void>;
  count(): Promise<number>;
}

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  extend(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface ApiTokenRepository {
  insert(token: ApiTokenRecord): Promise<void>;
  listActive(userId: string): Promise<ApiTokenRecord[]>;
  findActiveByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** Whether an active token of this user was revoked. */
  revoke(userId: string, id: string, at: string): Promise<boolean>;
  markUsed(id: string, at: string): Promise<void>;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface WorkspaceRepository {
  insert(workspace: WorkspaceRecord): Promise<void>;
  findById(id: string): Promise<WorkspaceRecord | null>;
  /** Null when the expected version is stale. */
  rename(id: string, name: string, at: string, expectedVersion?: number): Promise<WorkspaceRecord | null>;
  /**
   * Locks the workspace row until the transaction ends, serialising changes to
   * its membership (the last-owner rule reads, then writes).
   */
  lock(id: string): Promise<void>;
  listAll(): Promise<WorkspaceRecord[]>;
}

export interface MemberRecord {
  workspaceId: string;
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  version: number;
  createdAt: string;
}

export interface MemberRepository {
  /** The caller's roles in a workspace; empty when not a member. */
  rolesOf(workspaceId: string, userId: string): Promise<Role[]>;
  membershipsOf(userId: string): Promise<Array<{ workspace: WorkspaceRecord; roles: Role[] }>>;
  list(workspaceId: string): Promise<MemberRecord[]>;
  find(workspaceId: string, userId: string): Promise<MemberRecord | null>;
  add(workspaceId: string, userId: string, roles: readonly Role[], at: string): Promise<void>;
  setRoles(workspaceId: string, userId: string, roles: readonly Role[], at: string): Promise<void>;
  remove(workspaceId: string, userId: string): Promise<void>;
  ownerIds(workspaceId: string): Promise<string[]>;
}

export interface InviteRecord {
  id: string;
  workspaceId: string;
  tokenHash: string;
  roles: Role[];
  email: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  revokedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface InviteRepository {
  insert(invite: InviteRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<InviteRecord | null>;
  listOpen(workspaceId: string, now: string): Promise<InviteRecord[]>;
  /** Whether the invite was still open and is now accepted. */
  accept(id: string, userId: string, at: string): Promise<boolean>;
  revoke(workspaceId: string, id: string, at: string): Promise<boolean>;
}

export interface ProductRecord {
  id: string;
  workspaceId: string;
  key: string;
  name: string;
  description: string;
  /** Markdown: where the product is going, and how it means to get there. */
  vision: string;
  strategy: string;
  /** The statuses items move through, in board order. */
  workflow: WorkflowStatus[];
  customFields: CustomField[];
  /** The criteria of the product's custom weighted score. */
  scoringCriteria: Array<{ id: string; name: string; weight: number }>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ProductPatch = Partial<Pick<ProductRecord, 'name' | 'description' | 'vision' | 'strategy' | 'workflow' | 'customFields' | 'scoringCriteria'>>;

export interface ProductRepository {
  /** Fails with `key_taken` when the workspace has a product with that key. */
  insert(product: ProductRecord): Promise<void>;
  findById(id: string): Promise<ProductRecord | null>;
  list(workspaceId: string): Promise<ProductRecord[]>;
  update(id: string, patch: ProductPatch, at: string, expectedVersion?: number): Promise<ProductRecord | null>;
  /** Takes the next item number; on PostgreSQL this also locks the product row for the transaction. */
  takeItemNumbers(productId: string, count: number): Promise<number>;
  /** Locks the product row until the transaction ends, serialising rank changes in its backlog. */
  lock(id: string): Promise<void>;
  /** Keeps the product's recent velocity (derived data: the product's version does not change). */
  setVelocity(id: string, velocity: number | null): Promise<void>;
}

export interface ItemRecord {
  id: string;
  workspaceId: string;
  productId: string;
  productKey: string;
  number: number;
  type: ItemType;
  title: string;
  /** Markdown. */
  description: string;
  /** A key of the product's workflow. */
  status: string;
  parentId: string | null;
  persona: string;
  want: string;
  benefit: string;
  acceptanceCriteria: AcceptanceCriterion[];
  /** Story points. */
  estimate: number | null;
  labels: string[];
  assigneeId: string | null;
  /** `YYYY-MM-DD`. */
  dueDate: string | null;
  blocked: boolean;
  blockedReason: string;
  /** Values by custom field id. */
  customFields: Record<string, CustomFieldValue>;
  /** The sprint it is planned into or being worked in; set through the sprint operations. */
  sprintId: string | null;
  /** When it last entered a done status; null while it is not done. Kept by the item service. */
  doneAt: string | null;
  /** The release it is planned for; set through the release operations. */
  releaseId: string | null;
  /** The product's recent velocity, which readiness sizes a story against; null before the first finished sprint. */
  typicalSprintPoints: number | null;
  /** Stored scores by framework; read with the item, written through the score repository. */
  scores: Partial<Record<ScoredFramework, number>>;
  rank: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Who moved it to the trash. */
  deletedBy: string | null;
}

export type NewItem = Omit<ItemRecord, 'productKey' | 'deletedAt' | 'deletedBy' | 'scores' | 'sprintId' | 'typicalSprintPoints' | 'doneAt' | 'releaseId'> & { doneAt?: string | null };

/** What a person edits on an item (rank and trash have their own operations). */
export const EDITABLE_ITEM_FIELDS = [
  'type',
  'title',
  'description',
  'status',
  'parentId',
  'persona',
  'want',
  'benefit',
  'acceptanceCriteria',
  'estimate',
  'labels',
  'assigneeId',
  'dueDate',
  'blocked',
  'blockedReason',
  'customFields',
] as const satisfies ReadonlyArray<keyof ItemRecord>;
export type ItemFields = Pick<ItemRecord, (typeof EDITABLE_ITEM_FIELDS)[number]>;
export type ItemPatch = Partial<ItemFields> & { doneAt?: string | null };

export interface TrashCursor {
  deletedAt: string;
  id: string;
}

/** Rank keys are unique per product, so the last rank seen is a complete cursor. */
export interface RankCursor {
  rank: string;
}

/** Scored items come first, highest score first; ties and unscored items follow rank. */
export interface ScoreCursor {
  /** Null once the page has reached the unscored items. */
  score: number | null;
  rank: string;
}

/** One condition of a backlog filter, resolved from the query language for the store to run. */
export type ItemCondition =
  | { kind: 'in'; field: 'type' | 'status' | 'assigneeId' | 'sprintId' | 'parentId'; values: Array<string | null>; negated: boolean }
  | { kind: 'label'; labels: string[]; negated: boolean }
  | { kind: 'compare'; field: 'estimate' | 'dueDate'; op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte'; value: number | string | null; negated: boolean }
  | { kind: 'blocked'; value: boolean }
  /** Stories only: ready or not, as last assessed. */
  | { kind: 'ready'; value: boolean }
  | { kind: 'text'; text: string; phrase: boolean; negated: boolean }
  /** Matches no item: a filter on something that does not exist right now (no running sprint). */
  | { kind: 'nothing' };

/** Every condition must hold. */
export type ItemFilter = readonly ItemCondition[];

export interface ItemRepository {
  insert(item: NewItem): Promise<void>;
  insertMany(items: readonly NewItem[]): Promise<void>;
  findById(id: string): Promise<ItemRecord | null>;
  /** Items with this human key in any of the given workspaces (normally one). */
  findByKey(workspaceIds: readonly string[], productKey: string, number: number): Promise<ItemRecord[]>;
  /** Reads the unique (workspace, product, rank) index: never a sort of the whole backlog. */
  listByRank(workspaceId: string, productId: string, limit: number, after?: RankCursor, filter?: ItemFilter): Promise<ItemRecord[]>;
  lastRank(workspaceId: string, productId: string): Promise<string | null>;
  /**
   * The rank keys on either side of `rank` in a product, trash included (a
   * trashed item keeps its key, so a new key must not land on it); null at an end.
   */
  neighbourRanks(workspaceId: string, productId: string, rank: string): Promise<{ previous: string | null; next: string | null }>;
  firstRank(workspaceId: string, productId: string): Promise<string | null>;
  /** Null when the version is stale or the item is in the trash. */
  setRank(id: string, rank: string, at: string, expectedVersion?: number): Promise<ItemRecord | null>;
  /** The product's trash, most recently trashed first. */
  listTrashed(workspaceId: string, productId: string, limit: number, after?: TrashCursor): Promise<ItemRecord[]>;
  update(id: string, patch: ItemPatch, at: string, expectedVersion?: number): Promise<ItemRecord | null>;
  /** Moves the item to the trash as `by`, or (with `trashed: null`) back out of it. */
  setTrashed(id: string, trashed: { at: string; by: string } | null, at: string, expectedVersion?: number): Promise<ItemRecord | null>;
  /** The product's items by one framework's stored score, highest first, then unscored items, ties in rank order. */
  listByScore(
    workspaceId: string,
    productId: string,
    framework: ScoredFramework,
    limit: number,
    after?: ScoreCursor,
    filter?: ItemFilter,
  ): Promise<ItemRecord[]>;
  /** Items of the product outside the trash, by id (ids of other products or unknown ids are left out). */
  findMany(workspaceId: string, productId: string, ids: readonly string[]): Promise<ItemRecord[]>;
  /** Gives each item its new rank; the keys may be ones the same items hold now (a permutation). */
  setRanks(assignments: ReadonlyArray<{ id: string; rank: string }>, at: string): Promise<void>;
  /** Puts each item under its new parent in bulk (seeding); the caller has checked the hierarchy. */
  setParents(assignments: ReadonlyArray<{ id: string; parentId: string }>, at: string): Promise<void>;
  /** The sprint's items outside the trash, in rank order. */
  listBySprint(workspaceId: string, sprintId: string, limit: number, after?: RankCursor): Promise<ItemRecord[]>;
  /** Puts the items into a sprint (or, with null, back in the backlog), each getting a new version. */
  setSprint(ids: readonly string[], sprintId: string | null, at: string): Promise<void>;
  /** Keeps each item's assessed readiness (true/false for stories, null for other types) for filters. */
  setReadiness(readiness: ReadonlyMap<string, boolean | null>): Promise<void>;
  /** The product's stories outside the trash, to assess their readiness again. */
  listStories(workspaceId: string, productId: string): Promise<ItemRecord[]>;
  /** The item's children outside the trash, in rank order. */
  listChildren(workspaceId: string, parentId: string, limit: number, after?: RankCursor): Promise<ItemRecord[]>;
  /** The distinct types of the item's children outside the trash. */
  childTypes(workspaceId: string, parentId: string): Promise<ItemType[]>;
  /** How many items of the product outside the trash are in each of these statuses (absent when none). */
  countByStatus(workspaceId: string, productId: string, statuses: readonly string[]): Promise<Map<string, number>>;
  /** Items (outside the trash) done from `from` up to `to` (instants), counted by UTC day `YYYY-MM-DD`. */
  doneByDay(workspaceId: string, productId: string, from: string, to: string): Promise<Map<string, number>>;
  /** Deletes for good the items trashed before `at`, returning what it deleted. */
  purgeTrashedBefore(at: string): Promise<ItemRecord[]>;
}

export interface ItemScoreRecord {
  workspaceId: string;
  productId: string;
  itemId: string;
  framework: ScoredFramework;
  /** The inputs as given, so the score can be shown, edited and recomputed. */
  inputs: Record<string, unknown>;
  score: number;
  explanation: string;
  updatedBy: string | null;
  updatedAt: string;
}

export interface ScoreRepository {
  upsert(score: ItemScoreRecord): Promise<void>;
  /** Whether there was a score to delete. */
  delete(itemId: string, framework: ScoredFramework): Promise<boolean>;
  listForItem(itemId: string): Promise<ItemScoreRecord[]>;
  /** Every stored score of one framework in a product, for recomputing them. */
  listByFramework(workspaceId: string, productId: string, framework: ScoredFramework): Promise<ItemScoreRecord[]>;
  /** One page of a framework's scores in a product, items outside the trash only, by item id. */
  pageByFramework(productId: string, framework: ScoredFramework, limit: number, afterItemId?: string): Promise<ScoredItemRecord[]>;
}

/** A stored score with what a chart needs to name its item. */
export interface ScoredItemRecord extends ItemScoreRecord {
  number: number;
  title: string;
  type: ItemType;
  status: string;
}

export interface SprintRecord {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  goal: string;
  state: 'planned' | 'active' | 'completed';
  /** `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  availability: Array<{ userId: string; days: number }>;
  committedAtStart: number | null;
  /** Fixed when the sprint completes. */
  completedPoints: number | null;
  startedAt: string | null;
  completedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type SprintPatch = Partial<Omit<SprintRecord, 'id' | 'workspaceId' | 'productId' | 'version' | 'createdAt' | 'updatedAt'>>;

/** An item's stay in a sprint: when it came, left, and was done. */
export interface SprintEntryRecord {
  id: string;
  workspaceId: string;
  sprintId: string;
  itemId: string;
  addedAt: string;
  addedBy: string | null;
  removedAt: string | null;
  removedBy: string | null;
  doneAt: string | null;
}

/** A stay in a sprint with what the burndown shows of its item. */
export type SprintEntry = SprintEntryRecord & { points: number; trashedAt: string | null; title: string; number: number; productKey: string };

export interface SprintTotals {
  itemCount: number;
  /** Sum of the estimates of the sprint's items outside the trash. */
  points: number;
  /** The same, of those in one of the given (done) statuses. */
  donePoints: number;
}

export interface SprintRepository {
  insert(sprint: SprintRecord): Promise<void>;
  findById(id: string): Promise<SprintRecord | null>;
  /** The product's sprints by start date. */
  listByProduct(workspaceId: string, productId: string): Promise<SprintRecord[]>;
  /** Null when the version is stale. */
  update(id: string, patch: SprintPatch, at: string, expectedVersion?: number): Promise<SprintRecord | null>;
  totals(workspaceId: string, sprintIds: readonly string[], doneStatuses: readonly string[]): Promise<Map<string, SprintTotals>>;
  /** Every stay of an item in the sprint, trashed items included (with when they went to the trash). */
  entries(workspaceId: string, sprintId: string): Promise<SprintEntry[]>;
  addEntry(entry: SprintEntryRecord): Promise<void>;
  /** Ends the item's open stay in the sprint. */
  closeEntry(sprintId: string, itemId: string, at: string, by: string | null): Promise<void>;
  /** Marks the item's open stay finished (done or canceled) at `at`, or not finished with null. */
  setDone(sprintId: string, itemId: string, at: string | null): Promise<void>;
}

export interface SavedViewRecord {
  id: string;
  workspaceId: string;
  productId: string;
  ownerId: string;
  name: string;
  query: string;
  sort: ItemSort;
  shared: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SavedViewRepository {
  insert(view: SavedViewRecord): Promise<void>;
  findById(id: string): Promise<SavedViewRecord | null>;
  /** The product's shared views and the user's own, by name. */
  listVisible(workspaceId: string, productId: string, userId: string): Promise<SavedViewRecord[]>;
  update(id: string, patch: Partial<Pick<SavedViewRecord, 'name' | 'query' | 'sort' | 'shared'>>, at: string, expectedVersion?: number): Promise<SavedViewRecord | null>;
  delete(id: string): Promise<void>;
}

export interface DecisionRecord {
  id: string;
  workspaceId: string;
  productId: string;
  title: string;
  context: string;
  options: Array<{ title: string; notes: string }>;
  outcome: string;
  rationale: string;
  status: DecisionStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  supersededBy: string | null;
  /** Read with the decision; written with setItems. */
  itemIds: string[];
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type DecisionPatch = Partial<Omit<DecisionRecord, 'id' | 'workspaceId' | 'productId' | 'itemIds' | 'createdBy' | 'version' | 'createdAt' | 'updatedAt'>>;

export interface DecisionCursor {
  createdAt: string;
  id: string;
}

export interface DecisionRepository {
  insert(decision: Omit<DecisionRecord, 'itemIds'>): Promise<void>;
  findById(id: string): Promise<DecisionRecord | null>;
  /** Newest first; `words` must each appear in the title, context, outcome or rationale. */
  list(
    workspaceId: string,
    productId: string,
    options: { limit: number; after?: DecisionCursor; words?: string[]; status?: DecisionStatus },
  ): Promise<DecisionRecord[]>;
  listForItem(workspaceId: string, itemId: string): Promise<DecisionRecord[]>;
  update(id: string, patch: DecisionPatch, at: string, expectedVersion?: number): Promise<boolean>;
  setItems(workspaceId: string, decisionId: string, itemIds: readonly string[]): Promise<void>;
}

export interface ActivityRecord {
  id: string;
  workspaceId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface ActivityRepository {
  record(entry: ActivityRecord): Promise<void>;
  /** Newest first. */
  list(workspaceId: string, limit: number, beforeId?: string): Promise<ActivityRecord[]>;
  /** One subject's rows (an item's history), newest first. */
  listForSubject(workspaceId: string, subjectId: string, limit: number, beforeId?: string): Promise<ActivityRecord[]>;
}

export interface IdempotencyRecord {
  userId: string;
  key: string;
  fingerprint: string;
  statusCode: number | null;
  responseBody: string | null;
  /** JSON object of the response headers a replay repeats (ETag, Location). */
  responseHeaders: string | null;
  createdAt: string;
}

export interface IdempotencyRepository {
  /** Claims the key; returns the existing record when someone already holds it. */
  claim(record: IdempotencyRecord): Promise<IdempotencyRecord | null>;
  complete(userId: string, key: string, statusCode: number, responseBody: string, responseHeaders: string): Promise<void>;
  release(userId: string, key: string): Promise<void>;
  purgeBefore(at: string): Promise<void>;
}

export interface LoginFailureRecord {
  key: string;
  failures: number;
  windowStartedAt: string;
}

export interface LoginFailureRepository {
  /**
   * Atomically counts one more attempt for the key: in the current window, or
   * in a new one starting `now` when the current window began at or before
   * `windowCutoff`. Returns the count after this attempt.
   */
  countAttempt(key: string, now: string, windowCutoff: string): Promise<LoginFailureRecord>;
  clear(key: string): Promise<void>;
}

export interface GoalRecord {
  id: string;
  workspaceId: string;
  productId: string;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  ownerId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type GoalPatch = Partial<Pick<GoalRecord, 'title' | 'description' | 'startDate' | 'endDate' | 'ownerId'>>;

export interface KeyResultRecord {
  id: string;
  workspaceId: string;
  goalId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  current: number | null;
  direction: (typeof KEY_RESULT_DIRECTIONS)[number];
  /** A fraction 0–1, or null when nobody said. */
  confidence: number | null;
  /** Order within the goal. */
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type KeyResultPatch = Partial<Pick<KeyResultRecord, 'name' | 'unit' | 'baseline' | 'target' | 'current' | 'direction' | 'confidence'>>;

export interface GoalRepository {
  insert(goal: GoalRecord): Promise<void>;
  findById(id: string): Promise<GoalRecord | null>;
  /** By start date, then creation. */
  list(workspaceId: string, productId: string): Promise<GoalRecord[]>;
  findMany(workspaceId: string, ids: readonly string[]): Promise<GoalRecord[]>;
  /** Null when the expected version is no longer current. */
  update(id: string, patch: GoalPatch, at: string, expectedVersion?: number): Promise<GoalRecord | null>;
  /** Its key results and links to initiatives go with it. */
  delete(id: string): Promise<void>;
  insertKeyResult(keyResult: KeyResultRecord): Promise<void>;
  findKeyResult(id: string): Promise<KeyResultRecord | null>;
  /** The key results of these goals, in position order. */
  keyResultsOf(workspaceId: string, goalIds: readonly string[]): Promise<KeyResultRecord[]>;
  updateKeyResult(id: string, patch: KeyResultPatch, at: string, expectedVersion?: number): Promise<KeyResultRecord | null>;
  deleteKeyResult(id: string): Promise<void>;
}

export interface InitiativeRecord {
  id: string;
  workspaceId: string;
  productId: string;
  title: string;
  description: string;
  status: (typeof INITIATIVE_STATUSES)[number];
  startDate: string | null;
  targetDate: string | null;
  /** The goals it serves, by id. */
  goalIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type InitiativePatch = Partial<Pick<InitiativeRecord, 'title' | 'description' | 'status' | 'startDate' | 'targetDate'>>;

/** What a strategy roll-up counts below an aligned item. */
export interface RollupRecord {
  points: number;
  donePoints: number;
  items: number;
  doneItems: number;
  unestimated: number;
}

/** An item as the traceability tree names it. */
export interface TracedItemRecord {
  id: string;
  number: number;
  title: string;
  type: ItemType;
  status: string;
  parentId: string | null;
}

export interface InitiativeRepository {
  insert(initiative: Omit<InitiativeRecord, 'goalIds'>): Promise<void>;
  findById(id: string): Promise<InitiativeRecord | null>;
  list(workspaceId: string, productId: string): Promise<InitiativeRecord[]>;
  findMany(workspaceId: string, ids: readonly string[]): Promise<InitiativeRecord[]>;
  update(id: string, patch: InitiativePatch, at: string, expectedVersion?: number): Promise<InitiativeRecord | null>;
  /** Bumps the version, for changes to its links only. */
  touch(id: string, at: string): Promise<void>;
  delete(id: string): Promise<void>;
  setGoals(workspaceId: string, initiativeId: string, goalIds: readonly string[]): Promise<void>;
  /** The initiatives an item is aligned to. */
  initiativesOfItem(itemId: string): Promise<string[]>;
  setItemInitiatives(workspaceId: string, itemId: string, initiativeIds: readonly string[]): Promise<void>;
  /** Every alignment in a product, items outside the trash only. */
  alignments(workspaceId: string, productId: string): Promise<Array<TracedItemRecord & { initiativeId: string }>>;
  /**
   * What lies below the aligned items, grouped by each aligned item, each
   * initiative or each goal: the stories, tasks and bugs that are not part of
   * another story, task or bug, outside the trash and not in a canceled status.
   */
  rollups(
    workspaceId: string,
    productId: string,
    by: 'item' | 'initiative' | 'goal' | 'release',
    statuses: { done: readonly string[]; canceled: readonly string[] },
  ): Promise<Map<string, RollupRecord>>;
  /** `rollups` by aligned item, by initiative and by goal at once: the subtrees are walked once for the three. */
  strategyRollups(
    workspaceId: string,
    productId: string,
    statuses: { done: readonly string[]; canceled: readonly string[] },
  ): Promise<{ byItem: Map<string, RollupRecord>; byInitiative: Map<string, RollupRecord>; byGoal: Map<string, RollupRecord> }>;
  /** Epics and features outside the trash, in none of these statuses, aligned to no initiative serving a goal; first `limit` by number. */
  unaligned(workspaceId: string, productId: string, skipStatuses: readonly string[], limit: number): Promise<{ items: TracedItemRecord[]; count: number }>;
}

export interface DependencyRecord {
  workspaceId: string;
  productId: string;
  blockerId: string;
  blockedId: string;
  createdBy: string | null;
  createdAt: string;
}

export interface DependencyRepository {
  /** False when the dependency was already there. */
  add(dependency: DependencyRecord): Promise<boolean>;
  /** False when there was none. */
  remove(blockerId: string, blockedId: string): Promise<boolean>;
  /** The product's whole graph, for cycle checks and critical paths. */
  ofProduct(workspaceId: string, productId: string): Promise<Array<Pick<DependencyRecord, 'blockerId' | 'blockedId'>>>;
  /** What the item blocks and what blocks it, outside the trash, by item number. */
  around(workspaceId: string, itemId: string): Promise<{ blocks: TracedItemRecord[]; blockedBy: TracedItemRecord[] }>;
}

export interface ReleaseRecord {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  description: string;
  targetDate: string | null;
  status: (typeof RELEASE_STATUSES)[number];
  releasedAt: string | null;
  /** Whether the last forecast put its 85 % date past the target. */
  atRisk: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ReleasePatch = Partial<Pick<ReleaseRecord, 'name' | 'description' | 'targetDate' | 'status' | 'releasedAt' | 'atRisk'>>;

export interface ReleaseChangeRecord {
  id: string;
  workspaceId: string;
  releaseId: string;
  kind: (typeof RELEASE_CHANGE_KINDS)[number];
  before: unknown;
  after: unknown;
  actorId: string | null;
  createdAt: string;
}

export interface ReleaseRepository {
  insert(release: ReleaseRecord): Promise<void>;
  findById(id: string): Promise<ReleaseRecord | null>;
  /** By target date (undated last), then name. */
  list(workspaceId: string, productId: string): Promise<ReleaseRecord[]>;
  update(id: string, patch: ReleasePatch, at: string, expectedVersion?: number): Promise<ReleaseRecord | null>;
  delete(id: string): Promise<void>;
  setItemRelease(itemId: string, releaseId: string | null, at: string): Promise<void>;
  /** The items in its scope, outside the trash, by number. */
  scope(workspaceId: string, releaseId: string): Promise<TracedItemRecord[]>;
  recordChange(change: ReleaseChangeRecord): Promise<void>;
  /** Newest first. */
  changes(workspaceId: string, releaseId: string, limit: number): Promise<ReleaseChangeRecord[]>;
}

export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  invites: InviteRepository;
  products: ProductRepository;
  items: ItemRepository;
  scores: ScoreRepository;
  sprints: SprintRepository;
  views: SavedViewRepository;
  decisions: DecisionRepository;
  goals: GoalRepository;
  initiatives: InitiativeRepository;
  dependencies: DependencyRepository;
  releases: ReleaseRepository;
  customers: CustomerRepository;
  insights: InsightRepository;
  roadmap: RoadmapRepository;
  launches: LaunchRepository;
  market: MarketRepository;
  activity: ActivityRepository;
  idempotency: IdempotencyRepository;
  loginFailures: LoginFailureRepository;
}

/** Reads go through `read`; every change happens inside one `transaction`. */
export interface UnitOfWork<R extends Partial<Repositories> = Repositories> {
  read: R;
  transaction<T>(work: (repos: R) => Promise<T>): Promise<T>;
}

export interface EventPublisher {
  /** Called after commit only. */
  publish(message: RealtimeMessage): void;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
