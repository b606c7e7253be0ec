import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../services/ports';

/** OWASP's argon2id baseline: 19 MiB of memory, 2 passes, 1 lane. */
export const OWASP_ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function createArgon2Hasher(cost: { memoryCost: number; timeCost: number; parallelism: number } = OWASP_ARGON2): PasswordHasher {
  return {
    // @node-rs/argon2 hashes with argon2id unless told otherwise.
    hash: (password) => hash(password, cost),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
