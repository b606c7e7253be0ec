import { z } from 'zod';
import { ROLES } from './vocabulary';

export { ROLES };

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const RolesSchema = z
  .array(RoleSchema)
  .min(1, 'at least one role is required')
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'roles must not repeat');
