import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.schema';
import { RoleSchema } from './access.schema';

export const EmailSchema = z.email().max(254).transform((email) => email.toLowerCase());
export const PasswordSchema = z.string().min(8, 'at least 8 characters').max(256);

export const LoginBodySchema = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(256),
});

export const LoginResponseSchema = z.object({
  csrfToken: z.string().meta({ description: 'Send as `X-CSRF-Token` on cookie-authenticated writes' }),
  user: z.lazy(() => UserSchema),
});

export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const MeSchema = z.object({
  user: UserSchema,
  workspaces: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      roles: z.array(RoleSchema),
      role: RoleSchema.meta({ description: 'The most powerful of `roles`' }),
    }),
  ),
  csrfToken: z.string().nullable().meta({ description: 'Present when signed in with the session cookie' }),
});
export type Me = z.infer<typeof MeSchema>;

export const TokenCreateBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
});

export const ApiTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    prefix: z.string().meta({ description: 'First characters of the token, to tell tokens apart' }),
    createdAt: InstantSchema,
    lastUsedAt: InstantSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const TokenCreatedSchema = ApiTokenSchema.extend({
  token: z.string().meta({ description: 'The secret, shown this once only' }),
});
