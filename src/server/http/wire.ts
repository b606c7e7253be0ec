import type { ApiToken, User } from '../../contracts/auth.schema';
import type { Item } from '../../contracts/item.schema';
import type { Product } from '../../contracts/product.schema';
import type { Sprint } from '../../contracts/sprint.schema';
import type { SavedView } from '../../contracts/view.schema';
import type { Decision } from '../../contracts/decision.schema';
import type { ProductScore } from '../../contracts/prioritization.schema';
import type { Goal, Initiative, KeyResult, Traceability } from '../../contracts/strategy.schema';
import type { Release } from '../../contracts/roadmap.schema';
import type { LaunchReadiness, LaunchTask } from '../../contracts/launch.schema';
import type { LaunchTaskRecord } from '../../services/launch-ports';
import type { Rollup } from '../../domain/strategy/rollup';
import type { GoalView, KeyResultView, StrategyService } from '../../services/strategy.service';
import type { SprintView } from '../../services/sprint.service';
import type { Activity, Invite, Member } from '../../contracts/workspace.schema';
import { readinessOf } from '../../services/readiness';
import { formatItemKey } from '../../domain/items';
import type { Capability, CapabilityMatrix, Competitor, Packaging, PricingPlan } from '../../contracts/market.schema';
import { formatDecimal } from '../../domain/market/money';
import { formatPlanPrice } from '../../domain/market/packaging';
import type { CapabilityMatrixView, CapabilityView, PackagingView } from '../../services/market.service';
import type { CompetitorRecord, PricingPlanRecord } from '../../services/market.ports';
import type {
  ActivityRecord,
  ApiTokenRecord,
  InviteRecord,
  ItemRecord,
  MemberRecord,
  ProductRecord,
  DecisionRecord,
  SavedViewRecord,
  ScoredItemRecord,
  InitiativeRecord,
  ReleaseRecord,
  TracedItemRecord,
  UserRecord,
} from '../../services/ports';

/** Mappers from stored records to the wire shapes of src/contracts. */
export const toUser = (user: UserRecord): User => ({ id: user.id, email: user.email, name: user.name, createdAt: user.createdAt });

export const toApiToken = (token: ApiTokenRecord): ApiToken => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  createdAt: token.createdAt,
  lastUsedAt: token.lastUsedAt,
});

export const toProduct = (product: ProductRecord): Product => ({
  id: product.id,
  workspaceId: product.workspaceId,
  key: product.key,
  name: product.name,
  description: product.description,
  vision: product.vision,
  strategy: product.strategy,
  workflow: product.workflow,
  customFields: product.customFields,
  scoringCriteria: product.scoringCriteria,
  version: product.version,
  createdAt: product.createdAt,
  updatedAt: product.updatedAt,
});

export const toItem = (item: ItemRecord): Item => ({
  id: item.id,
  key: formatItemKey(item.productKey, item.number),
  workspaceId: item.workspaceId,
  productId: item.productId,
  number: item.number,
  type: item.type,
  title: item.title,
  description: item.description,
  status: item.status,
  parentId: item.parentId,
  persona: item.persona,
  want: item.want,
  benefit: item.benefit,
  acceptanceCriteria: item.acceptanceCriteria,
  estimate: item.estimate,
  labels: item.labels,
  assigneeId: item.assigneeId,
  dueDate: item.dueDate,
  blocked: item.blocked,
  blockedReason: item.blockedReason,
  customFields: item.customFields,
  readiness: readinessOf(item),
  sprintId: item.sprintId,
  scores: item.scores,
  rank: item.rank,
  version: item.version,
  createdBy: item.createdBy,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
  deletedAt: item.deletedAt,
  deletedBy: item.deletedBy,
});

export const toMember = (member: MemberRecord): Member => ({
  userId: member.userId,
  email: member.email,
  name: member.name,
  roles: member.roles,
  joinedAt: member.createdAt,
  version: member.version,
});

export const toInvite = (invite: InviteRecord): Invite => ({
  id: invite.id,
  roles: invite.roles,
  email: invite.email,
  createdAt: invite.createdAt,
  expiresAt: invite.expiresAt,
  acceptedAt: invite.acceptedAt,
});

export const toProductScore = (product: ProductRecord, row: ScoredItemRecord): ProductScore => ({
  itemId: row.itemId,
  key: formatItemKey(product.key, row.number),
  title: row.title,
  type: row.type,
  status: row.status,
  framework: row.framework,
  inputs: row.inputs,
  score: row.score,
  explanation: row.explanation,
  updatedBy: row.updatedBy,
  updatedAt: row.updatedAt,
});

export const toActivity = (entry: ActivityRecord): Activity => ({
  id: entry.id,
  actorId: entry.actorId,
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId,
  before: entry.before,
  after: entry.after,
  createdAt: entry.createdAt,
});

export const toSprint = (sprint: SprintView): Sprint => ({
  id: sprint.id,
  workspaceId: sprint.workspaceId,
  productId: sprint.productId,
  name: sprint.name,
  goal: sprint.goal,
  state: sprint.state,
  startDate: sprint.startDate,
  endDate: sprint.endDate,
  availability: sprint.availability,
  capacity: sprint.capacity,
  committedPoints: sprint.committedPoints,
  committedAtStart: sprint.committedAtStart,
  completedPoints: sprint.state === 'completed' ? (sprint.completedPoints ?? 0) : sprint.completedPointsNow,
  itemCount: sprint.itemCount,
  startedAt: sprint.startedAt,
  completedAt: sprint.completedAt,
  version: sprint.version,
  createdAt: sprint.createdAt,
  updatedAt: sprint.updatedAt,
});

export const toSavedView = (view: SavedViewRecord): SavedView => ({
  id: view.id,
  productId: view.productId,
  ownerId: view.ownerId,
  name: view.name,
  query: view.query,
  sort: view.sort,
  shared: view.shared,
  version: view.version,
  createdAt: view.createdAt,
  updatedAt: view.updatedAt,
});

export const toDecision = (decision: DecisionRecord): Decision => ({
  id: decision.id,
  productId: decision.productId,
  title: decision.title,
  context: decision.context,
  options: decision.options,
  outcome: decision.outcome,
  rationale: decision.rationale,
  status: decision.status,
  decidedBy: decision.decidedBy,
  decidedAt: decision.decidedAt,
  supersededBy: decision.supersededBy,
  itemIds: decision.itemIds,
  createdBy: decision.createdBy,
  version: decision.version,
  createdAt: decision.createdAt,
  updatedAt: decision.updatedAt,
});

/** A page of records as the wire's page of shapes. */
export function toPageOf<R, W>(page: { items: R[]; nextCursor: string | null }, toWire: (record: R) => W) {
  return { items: page.items.map(toWire), nextCursor: page.nextCursor };
}

export const toKeyResult = (keyResult: KeyResultView): KeyResult => ({
  id: keyResult.id,
  goalId: keyResult.goalId,
  name: keyResult.name,
  unit: keyResult.unit,
  baseline: keyResult.baseline,
  target: keyResult.target,
  current: keyResult.current,
  direction: keyResult.direction,
  confidence: keyResult.confidence,
  progress: keyResult.progress,
  achieved: keyResult.achieved,
  regressed: keyResult.regressed,
  explanation: keyResult.explanation,
  version: keyResult.version,
  createdAt: keyResult.createdAt,
  updatedAt: keyResult.updatedAt,
});

export const toGoal = (goal: GoalView): Goal => ({
  id: goal.id,
  workspaceId: goal.workspaceId,
  productId: goal.productId,
  title: goal.title,
  description: goal.description,
  startDate: goal.startDate,
  endDate: goal.endDate,
  ownerId: goal.ownerId,
  keyResults: goal.keyResults.map(toKeyResult),
  progress: goal.progress,
  version: goal.version,
  createdAt: goal.createdAt,
  updatedAt: goal.updatedAt,
});

export const toInitiative = (initiative: InitiativeRecord): Initiative => ({
  id: initiative.id,
  workspaceId: initiative.workspaceId,
  productId: initiative.productId,
  title: initiative.title,
  description: initiative.description,
  status: initiative.status,
  startDate: initiative.startDate,
  targetDate: initiative.targetDate,
  goalIds: initiative.goalIds,
  version: initiative.version,
  createdAt: initiative.createdAt,
  updatedAt: initiative.updatedAt,
});

export const toTracedItem = (productKey: string, item: TracedItemRecord) => ({
  id: item.id,
  key: formatItemKey(productKey, item.number),
  title: item.title,
  type: item.type,
  status: item.status,
});

export const toTraceability = (productKey: string, tree: Awaited<ReturnType<StrategyService['traceability']>>): Traceability => ({
  goals: tree.goals.map(({ goal, rollup, initiatives }) => ({
    goal: toGoal(goal),
    rollup,
    initiatives: initiatives.map((entry) => ({
      initiative: toInitiative(entry.initiative),
      rollup: entry.rollup,
      items: entry.items.map(({ item, rollup: own }) => ({ ...toTracedItem(productKey, item), rollup: own })),
    })),
  })),
  orphans: { ...tree.orphans, unalignedItems: tree.orphans.unalignedItems.map((item) => toTracedItem(productKey, item)) },
});

export const toRelease = (release: ReleaseRecord, progress: Rollup & { progress: number }, readiness: LaunchReadiness): Release => ({
  id: release.id,
  workspaceId: release.workspaceId,
  productId: release.productId,
  name: release.name,
  description: release.description,
  targetDate: release.targetDate,
  status: release.status,
  releasedAt: release.releasedAt,
  atRisk: release.atRisk,
  progress,
  readiness,
  version: release.version,
  createdAt: release.createdAt,
  updatedAt: release.updatedAt,
});

export const toLaunchTask = (task: LaunchTaskRecord): LaunchTask => ({
  id: task.id,
  workspaceId: task.workspaceId,
  productId: task.productId,
  releaseId: task.releaseId,
  title: task.title,
  ownerId: task.ownerId,
  dueDate: task.dueDate,
  state: task.state,
  position: task.position,
  version: task.version,
  createdAt: task.createdAt,
  updatedAt: task.updatedAt,
});

export const toCompetitor = (competitor: CompetitorRecord): Competitor => ({
  id: competitor.id,
  workspaceId: competitor.workspaceId,
  productId: competitor.productId,
  name: competitor.name,
  website: competitor.website,
  positioning: competitor.positioning,
  notes: competitor.notes,
  version: competitor.version,
  createdAt: competitor.createdAt,
  updatedAt: competitor.updatedAt,
});

export const toCapability = (productKey: string, capability: CapabilityView): Capability => ({
  id: capability.id,
  workspaceId: capability.workspaceId,
  productId: capability.productId,
  name: capability.name,
  description: capability.description,
  item: capability.item ? toTracedItem(productKey, capability.item) : null,
  ourLevel: capability.ourLevel,
  position: capability.position,
  version: capability.version,
  createdAt: capability.createdAt,
  updatedAt: capability.updatedAt,
});

export const toCapabilityMatrix = (productKey: string, matrix: CapabilityMatrixView): CapabilityMatrix => ({
  competitors: matrix.competitors.map((competitor) => ({ ...toCompetitor(competitor), has: competitor.has, partial: competitor.partial })),
  rows: matrix.rows.map(({ capability, cells, coverage }) => ({ capability: toCapability(productKey, capability), cells, coverage })),
  gaps: matrix.gaps,
});

export const toPricingPlan = (plan: PricingPlanRecord): PricingPlan => ({
  id: plan.id,
  workspaceId: plan.workspaceId,
  productId: plan.productId,
  name: plan.name,
  description: plan.description,
  price: plan.priceMinor === null ? null : formatDecimal(plan.priceMinor, plan.currency),
  priceMinor: plan.priceMinor,
  currency: plan.currency,
  billingPeriod: plan.billingPeriod,
  priceLabel: formatPlanPrice(plan),
  position: plan.position,
  version: plan.version,
  createdAt: plan.createdAt,
  updatedAt: plan.updatedAt,
});

export const toPackaging = (productKey: string, packaging: PackagingView): Packaging => ({
  plans: packaging.plans.map(toPricingPlan),
  rows: packaging.rows.map(({ feature, cells }) => ({ feature: toTracedItem(productKey, feature), cells })),
});
