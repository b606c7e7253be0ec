import { TandemError } from '../domain/errors';
import { PER_ACCOUNT, PER_ADDRESS, retryAfterMs, windowCutoff, type ThrottlePolicy } from '../domain/login-throttle';
import type { Actor, ServiceContext } from './context';
import type { ApiTokenRecord, PasswordHasher, Repositories, UnitOfWork, UserRecord } from './ports';
import { hashSecret, newSecret } from './secrets';

const SESSION_DAYS = 14;
const DAY_MS = 24 * 60 * 60_000;
// Renewing the session on every request would write on every read; once an hour is enough.
const SESSION_RENEW_AFTER_MS = 60 * 60_000;
const TOKEN_PREFIX = 'tdm_';

export interface Authenticated {
  user: UserRecord;
  actor: Actor;
  via: 'session' | 'token';
  /** Present for cookie sessions: writes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  /** The stored id of the session or token, to check later that it still stands. */
  credentialId: string;
  /** Set when this request extended the session: the cookie should be sent again with this lifetime. */
  renewedForSeconds?: number;
}

type AuthRepositories = Pick<Repositories, 'users' | 'sessions' | 'apiTokens' | 'loginFailures'>;

export class AuthService {
  constructor(
    private readonly store: UnitOfWork<AuthRepositories>,
    private readonly hasher: PasswordHasher,
    private readonly ctx: ServiceContext,
    private readonly throttle: { perAddress: ThrottlePolicy; perAccount: ThrottlePolicy } = { perAddress: PER_ADDRESS, perAccount: PER_ACCOUNT },
  ) {}

  async createUser(input: { email: string; name: string; password: string }): Promise<UserRecord> {
    const now = this.ctx.clock.now().toISOString();
    const user: UserRecord = {
      id: this.ctx.newId(),
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await this.hasher.hash(input.password),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction((repos) => repos.users.insert(user));
    return user;
  }

  /**
   * Signs in with email and password. Every attempt is counted, per address and
   * per account, before the password is checked; past either limit attempts
   * are refused until the window passes, even with the right password, so
   * guessing cannot continue. Signing in clears the counts.
   */
  async login(input: { email: string; password: string; address: string }) {
    const now = this.ctx.clock.now();
    const email = input.email.toLowerCase();
    const limits = [
      { key: `address:${email}|${input.address}`, policy: this.throttle.perAddress },
      { key: `account:${email}`, policy: this.throttle.perAccount },
    ];
    const counts = await this.store.transaction(async (repos) => {
      const counted = [];
      for (const { key, policy } of limits) {
        const record = await repos.loginFailures.countAttempt(key, now.toISOString(), windowCutoff(now, policy).toISOString());
        counted.push({ attempts: record.failures, windowStartedAt: record.windowStartedAt });
      }
      return counted;
    });
    const waitMs = Math.max(...limits.map(({ policy }, i) => retryAfterMs(counts[i]!, now, policy)));
    if (waitMs > 0) {
      throw new TandemError('too_many_attempts', 'Too many sign-in attempts; try again later', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const user = await this.store.read.users.findByEmail(email);
    const valid = user ? await this.hasher.verify(user.passwordHash, input.password) : await this.burnTime(input.password);
    if (!user || !valid) throw new TandemError('invalid_credentials', 'The email or password is not right');
    return this.startSession(user, limits.map(({ key }) => key));
  }

  /** A new session for a user who has just proved who they are (signed in, or made their account). */
  async startSession(user: UserRecord, clearThrottleKeys: string[] = []) {
    const now = this.ctx.clock.now();
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    await this.store.transaction(async (repos) => {
      for (const key of clearThrottleKeys) await repos.loginFailures.clear(key);
      await repos.sessions.insert({
        id: hashSecret(sessionToken),
        userId: user.id,
        csrfToken,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
      });
    });
    return { sessionToken, csrfToken, user, maxAgeSeconds: SESSION_DAYS * 24 * 3600 };
  }

  async logout(sessionToken: string): Promise<void> {
    await this.store.transaction((repos) => repos.sessions.delete(hashSecret(sessionToken)));
  }

  async authenticateSession(sessionToken: string): Promise<Authenticated | null> {
    const id = hashSecret(sessionToken);
    const session = await this.store.read.sessions.findById(id);
    const now = this.ctx.clock.now();
    if (!session || Date.parse(session.expiresAt) <= now.getTime()) return null;
    const user = await this.store.read.users.findById(session.userId);
    if (!user) return null;
    const authenticated: Authenticated = { user, actor: { userId: user.id }, via: 'session', csrfToken: session.csrfToken, credentialId: id };
    if (now.getTime() - Date.parse(session.lastSeenAt) > SESSION_RENEW_AFTER_MS) {
      const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString();
      await this.store.transaction((repos) => repos.sessions.extend(id, now.toISOString(), expiresAt));
      authenticated.renewedForSeconds = SESSION_DAYS * 24 * 3600;
    }
    return authenticated;
  }

  async authenticateToken(token: string): Promise<Authenticated | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const record = await this.store.read.apiTokens.findActiveByHash(hashSecret(token));
    if (!record) return null;
    const user = await this.store.read.users.findById(record.userId);
    if (!user) return null;
    const now = this.ctx.clock.now();
    if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) > SESSION_RENEW_AFTER_MS) {
      await this.store.transaction((repos) => repos.apiTokens.markUsed(record.id, now.toISOString()));
    }
    return { user, actor: { userId: user.id }, via: 'token', csrfToken: null, credentialId: record.tokenHash };
  }

  /** Whether a long-lived connection's session or token still stands (not signed out, expired or revoked). */
  async isStillValid(auth: Authenticated): Promise<boolean> {
    if (auth.via === 'token') return (await this.store.read.apiTokens.findActiveByHash(auth.credentialId)) !== null;
    const session = await this.store.read.sessions.findById(auth.credentialId);
    return session !== null && Date.parse(session.expiresAt) > this.ctx.clock.now().getTime();
  }

  async createToken(actor: Actor, name: string): Promise<{ record: ApiTokenRecord; token: string }> {
    const token = newSecret(TOKEN_PREFIX);
    const record: ApiTokenRecord = {
      id: this.ctx.newId(),
      userId: actor.userId,
      name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: this.ctx.clock.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      version: 1,
      updatedAt: this.ctx.clock.now().toISOString(),
    };
    await this.store.transaction((repos) => repos.apiTokens.insert(record));
    return { record, token };
  }

  listTokens(actor: Actor): Promise<ApiTokenRecord[]> {
    return this.store.read.apiTokens.listActive(actor.userId);
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    const revoked = await this.store.transaction((repos) =>
      repos.apiTokens.revoke(actor.userId, id, this.ctx.clock.now().toISOString()),
    );
    if (!revoked) throw new TandemError('not_found', 'API token was not found');
  }

  /** Verifying against a throwaway hash keeps unknown emails as slow as wrong passwords. */
  private async burnTime(password: string): Promise<false> {
    this.dummyHash ??= await this.hasher.hash('tandem-timing-equaliser');
    await this.hasher.verify(this.dummyHash, password);
    return false;
  }
  private dummyHash: string | undefined;
}
