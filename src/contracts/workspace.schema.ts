import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.schema';
import { RoleSchema, RolesSchema } from './access.schema';
import { EmailSchema, PasswordSchema } from './auth.schema';

export const WorkspaceSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    roles: z.array(RoleSchema).meta({ description: "The caller's roles in this workspace" }),
    version: z.number().int(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceUpdateBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
});

export const MemberSchema = z
  .object({
    userId: IdSchema,
    email: z.string(),
    name: z.string(),
    roles: z.array(RoleSchema),
    joinedAt: InstantSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const MemberRolesBodySchema = z.strictObject({ roles: RolesSchema });

export const InviteCreateBodySchema = z.strictObject({
  roles: RolesSchema,
  email: EmailSchema.optional(),
  expiresInDays: z.number().int().min(1).max(90).default(7),
});

export const InviteSchema = z
  .object({
    id: IdSchema,
    roles: z.array(RoleSchema),
    email: z.string().nullable(),
    createdAt: InstantSchema,
    expiresAt: InstantSchema,
    acceptedAt: InstantSchema.nullable(),
  })
  .meta({ id: 'Invite' });
export type Invite = z.infer<typeof InviteSchema>;

export const InviteCreatedSchema = InviteSchema.extend({
  token: z.string().meta({ description: 'Secret part of the invite link, shown this once only' }),
  path: z.string().meta({ description: 'Path of the invite page, e.g. `/invite/<token>`' }),
});

export const InvitePreviewSchema = z.object({
  workspaceName: z.string(),
  roles: z.array(RoleSchema),
  email: z.string().nullable(),
  expiresAt: InstantSchema,
});

export const InviteAcceptBodySchema = z.union([
  z.strictObject({}).meta({ description: 'Accept as the signed-in user' }),
  z
    .strictObject({
      name: z.string().trim().min(1).max(120),
      email: EmailSchema,
      password: PasswordSchema,
    })
    .meta({ description: 'Create an account and accept' }),
]);

export const ActivitySchema = z
  .object({
    id: IdSchema,
    actorId: IdSchema.nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: IdSchema,
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;
