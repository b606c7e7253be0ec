import type {
  ApiTokenRecord,
  IdempotencyRecord,
  LoginFailureRecord,
  SessionRecord,
  UserRecord,
  WorkspaceRecord,
} from '../services/ports';

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

export interface InviteTable {
  id: string;
  workspaceId: string;
  tokenHash: string;
  roles: string;
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

export interface ProductTable {
  id: string;
  workspaceId: string;
  key: string;
  name: string;
  description: string;
  itemSeq: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ItemTable {
  id: string;
  workspaceId: string;
  productId: string;
  number: number;
  type: string;
  title: string;
  description: string;
  status: string;
  rank: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ActivityTable {
  id: string;
  workspaceId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: string | null;
  after: string | null;
  createdAt: string;
}

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
  'item',
  'activity',
  'idempotency',
  'loginFailure',
] as const satisfies ReadonlyArray<keyof Database>;
