import { z } from 'zod';

/** The six workspace roles; a member holds one or more and gets the union of their permissions. */
export const ROLES = ['owner', 'product_manager', 'product_owner', 'contributor', 'stakeholder', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const RolesSchema = z
  .array(RoleSchema)
  .min(1, 'at least one role is required')
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'roles must not repeat');
