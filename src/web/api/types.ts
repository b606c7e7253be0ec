// Wire types, inferred from the same zod schemas the server validates with.
import type { z } from 'zod';
import type { InviteCreatedSchema, InvitePreviewSchema } from '../../contracts/workspace.schema';
import type { LoginResponseSchema } from '../../contracts/auth.schema';
import type { pageOf } from '../../contracts/common.schema';
import type { ItemSchema } from '../../contracts/item.schema';

export type { Me, User } from '../../contracts/auth.schema';
export type { Item, ItemCreate, ItemUpdate, ItemType, AcceptanceCriterion, Readiness } from '../../contracts/item.schema';
export type { WorkflowStatus, StatusCategory, CustomField, CustomFieldKind, CustomFieldValue } from '../../contracts/workflow.schema';
export type { Product } from '../../contracts/product.schema';
export type { Workspace, Member, Invite } from '../../contracts/workspace.schema';
export type { Role } from '../../contracts/access.schema';
export type { RealtimeMessage } from '../../contracts/events.schema';

export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export type ItemPage = z.infer<ReturnType<typeof pageOf<typeof ItemSchema>>>;
export type InviteCreated = z.infer<typeof InviteCreatedSchema>;
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;
export interface InviteAccepted {
  workspaceId: string;
  session: LoginResponse | null;
}
export interface ListOf<T> {
  items: T[];
}
