import type {
  ActivityRecord,
  ApiTokenRecord,
  IdempotencyRecord,
  InviteRecord,
  ItemRecord,
  ItemScoreRecord,
  ProductRecord,
  DecisionRecord,
  GoalRecord,
  InitiativeRecord,
  KeyResultRecord,
  ReleaseChangeRecord,
  ReleaseRecord,
  SavedViewRecord,
  SprintEntryRecord,
  SprintRecord,
  LoginFailureRecord,
  SessionRecord,
  UserRecord,
  WorkspaceRecord,
} from '../services/ports';
import type { CustomerRecord, InsightLinkRecord, InsightRecord, PersonaRecord, SegmentRecord } from '../services/evidence.ports';
import type { ItemScheduleRecord, MilestoneRecord } from '../services/roadmap.ports';
import type { LaunchTaskRecord, LaunchTemplateRecord, ReleaseNoteRecord } from '../services/launch-ports';
import type { AssessmentRecord, CapabilityRecord, CompetitorRecord, PlanFeatureRecord, PricingPlanRecord } from '../services/market.ports';

/**
 * Kysely's view of the tables, in camelCase (CamelCasePlugin maps to
 * snake_case). Where a table stores a port's record as it is, it is that record.
 */
export type UserTable = UserRecord;

export type SessionTable = SessionRecord;

export type ApiTokenTable = ApiTokenRecord;

export type WorkspaceTable = WorkspaceRecord;

export interface MemberTable {
  workspaceId: string;
  userId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MemberRoleTable {
  workspaceId: string;
  userId: string;
  role: string;
}

export type InviteTable = Omit<InviteRecord, 'roles'> & {
  /** JSON array of role names. */
  roles: string;
};

export type ProductTable = Omit<ProductRecord, 'workflow' | 'customFields' | 'scoringCriteria'> & {
  /** The last item number taken. */
  itemSeq: number;
  /** JSON arrays of the workflow's statuses and the custom field definitions. */
  workflow: string;
  customFields: string;
  scoringCriteria: string;
  /** Average completed points of the last finished sprints; null before the first. */
  velocity: number | null;
};

export type ItemTable = Omit<ItemRecord, 'productKey' | 'type' | 'acceptanceCriteria' | 'labels' | 'customFields' | 'blocked' | 'scores' | 'typicalSprintPoints'> & {
  type: string;
  /** JSON: an array of criteria, an array of labels, an object of values by field id. */
  acceptanceCriteria: string;
  labels: string;
  customFields: string;
  /** 0 or 1 on both dialects. */
  blocked: number;
  /** A story's readiness as last assessed: 1, 0, or null for other types. */
  ready: number | null;
};

export type ItemScoreTable = Omit<ItemScoreRecord, 'framework' | 'inputs'> & {
  framework: string;
  /** JSON of the inputs. */
  inputs: string;
};

export type SprintTable = Omit<SprintRecord, 'availability'> & {
  /** JSON array of { userId, days }. */
  availability: string;
};

export type SprintItemTable = SprintEntryRecord;

export type SavedViewTable = Omit<SavedViewRecord, 'sort' | 'shared'> & { sort: string; shared: number };

export type DecisionTable = Omit<DecisionRecord, 'options' | 'status' | 'itemIds'> & {
  /** JSON array of { title, notes }. */
  options: string;
  status: string;
};

export interface DecisionItemTable {
  workspaceId: string;
  decisionId: string;
  itemId: string;
}

export type GoalTable = GoalRecord;

export type KeyResultTable = Omit<KeyResultRecord, 'direction'> & { direction: string };

export type InitiativeTable = Omit<InitiativeRecord, 'goalIds' | 'status'> & { status: string };

export interface InitiativeGoalTable {
  workspaceId: string;
  initiativeId: string;
  goalId: string;
}

export interface ItemInitiativeTable {
  workspaceId: string;
  itemId: string;
  initiativeId: string;
}

export type ReleaseTable = Omit<ReleaseRecord, 'status' | 'atRisk'> & { status: string; atRisk: number };

export type ReleaseChangeTable = Omit<ReleaseChangeRecord, 'kind' | 'before' | 'after'> & { kind: string; before: string | null; after: string | null };

export type LaunchTemplateTable = Omit<LaunchTemplateRecord, 'tasks'> & {
  /** JSON array of { title, offsetDays }. */
  tasks: string;
};

export type LaunchTaskTable = Omit<LaunchTaskRecord, 'state'> & { state: string };

export type ReleaseNoteTable = ReleaseNoteRecord;

export type SegmentTable = SegmentRecord;

export type CustomerTable = CustomerRecord;

export type PersonaTable = PersonaRecord;

export interface PersonaItemTable {
  personaId: string;
  itemId: string;
  workspaceId: string;
}

export type InsightTable = Omit<InsightRecord, 'kind' | 'source'> & { kind: string; source: string };

export type InsightLinkTable = Omit<InsightLinkRecord, 'importance'> & { importance: string };

export type ItemScheduleTable = Omit<ItemScheduleRecord, 'horizon'> & { horizon: string | null };

export type MilestoneTable = MilestoneRecord;

export interface DependencyTable {
  workspaceId: string;
  productId: string;
  blockerId: string;
  blockedId: string;
  createdBy: string | null;
  createdAt: string;
}

/** Market research rows; `nameKey` is the name trimmed and lower-cased, unique per product. */
export type CompetitorTable = CompetitorRecord & { nameKey: string };

export type CapabilityTable = Omit<CapabilityRecord, 'ourLevel'> & { ourLevel: string; nameKey: string };

export type CapabilityAssessmentTable = Omit<AssessmentRecord, 'level'> & { level: string };

export type PricingPlanTable = Omit<PricingPlanRecord, 'billingPeriod'> & { billingPeriod: string; nameKey: string };

export type PlanFeatureTable = Omit<PlanFeatureRecord, 'inclusion'> & { inclusion: string };

export type ActivityTable = Omit<ActivityRecord, 'before' | 'after'> & {
  /** JSON of the state before and after the change. */
  before: string | null;
  after: string | null;
};

export type IdempotencyTable = IdempotencyRecord;

export type LoginFailureTable = LoginFailureRecord;

export interface Database {
  user: UserTable;
  session: SessionTable;
  apiToken: ApiTokenTable;
  workspace: WorkspaceTable;
  member: MemberTable;
  memberRole: MemberRoleTable;
  invite: InviteTable;
  product: ProductTable;
  item: ItemTable;
  itemScore: ItemScoreTable;
  sprint: SprintTable;
  sprintItem: SprintItemTable;
  savedView: SavedViewTable;
  decision: DecisionTable;
  decisionItem: DecisionItemTable;
  goal: GoalTable;
  keyResult: KeyResultTable;
  initiative: InitiativeTable;
  initiativeGoal: InitiativeGoalTable;
  itemInitiative: ItemInitiativeTable;
  dependency: DependencyTable;
  release: ReleaseTable;
  releaseChange: ReleaseChangeTable;
  segment: SegmentTable;
  customer: CustomerTable;
  persona: PersonaTable;
  personaItem: PersonaItemTable;
  insight: InsightTable;
  insightLink: InsightLinkTable;
  itemSchedule: ItemScheduleTable;
  milestone: MilestoneTable;
  launchTemplate: LaunchTemplateTable;
  launchTask: LaunchTaskTable;
  releaseNote: ReleaseNoteTable;
  competitor: CompetitorTable;
  capability: CapabilityTable;
  capabilityAssessment: CapabilityAssessmentTable;
  pricingPlan: PricingPlanTable;
  planFeature: PlanFeatureTable;
  activity: ActivityTable;
  idempotency: IdempotencyTable;
  loginFailure: LoginFailureTable;
}

/** Tables in an order that respects foreign keys, for dumps and restores. */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'user',
  'workspace',
  'member',
  'memberRole',
  'invite',
  'session',
  'apiToken',
  'product',
  'sprint',
  'release',
  'item',
  'itemScore',
  'sprintItem',
  'savedView',
  'decision',
  'decisionItem',
  'goal',
  'keyResult',
  'initiative',
  'initiativeGoal',
  'itemInitiative',
  'dependency',
  'releaseChange',
  'segment',
  'customer',
  'persona',
  'personaItem',
  'insight',
  'insightLink',
  'itemSchedule',
  'milestone',
  'launchTemplate',
  'launchTask',
  'releaseNote',
  'competitor',
  'capability',
  'capabilityAssessment',
  'pricingPlan',
  'planFeature',
  'activity',
  'idempotency',
  'loginFailure',
] as const satisfies ReadonlyArray<keyof Database>;
