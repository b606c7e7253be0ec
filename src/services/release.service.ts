import type { ReleaseCreate, ReleaseUpdate } from '../contracts/roadmap.schema';
import { statusKeysIn } from '../domain/backlog/workflow';
import { invalidField, isTandemError, notFound, staleVersion } from '../domain/errors';
import { formatItemKey } from '../domain/items';
import { forecastWhen } from '../domain/roadmap/forecast';
import { readinessFromCounts, type LaunchReadiness } from '../domain/roadmap/launches';
import { assertMayScope, assertReleaseTransition, isAtRisk, releaseSeed, summarizeReleaseChanges, type ReleaseChangeKind } from '../domain/roadmap/releases';
import { EMPTY_ROLLUP, withProgress } from '../domain/strategy/rollup';
import type { Scope } from './access.service';
import { recordChange } from './activity';
import type { ServiceContext } from './context';
import { itemOfProduct } from './item-refs';
import { throughputHistory } from './throughput';
import type { EventPublisher, ItemRecord, ProductRecord, ReleasePatch, ReleaseRecord, Repositories, UnitOfWork } from './ports';

type ReleaseRepositories = Pick<Repositories, 'releases' | 'items' | 'initiatives' | 'products' | 'activity' | 'launches'>;

/** How many days of history a release forecast samples from. */
export const FORECAST_HISTORY_DAYS = 30;

export interface ReleaseForecast {
  /** Stories, tasks and bugs in scope (directly or below an epic or feature in scope) not yet done or canceled. */
  remaining: number;
  history: { start: string; end: string; daily: number[] };
  /** Null when nothing was done in the history, or nothing remains. */
  p50: string | null;
  p85: string | null;
  p95: string | null;
  /** How many of the trials finished on each date; empty without a forecast. */
  distribution: Array<{ date: string; trials: number }>;
  atRisk: boolean;
  explanation: string;
}

const defined = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as T;

/**
 * Releases: a date, a scope of items, a status, and a forecast from the team's
 * own throughput. Every change to scope, date or status, and every turn into
 * or out of risk, is kept as a change event for stakeholder updates.
 */
export class ReleaseService {
  constructor(
    private readonly store: UnitOfWork<ReleaseRepositories>,
    private readonly events: EventPublisher,
    private readonly ctx: ServiceContext,
  ) {}

  list(scope: Scope, product: ProductRecord): Promise<ReleaseRecord[]> {
    return this.store.read.releases.list(scope.workspaceId, product.id);
  }

  async create(scope: Scope, product: ProductRecord, input: ReleaseCreate): Promise<ReleaseRecord> {
    const now = this.ctx.clock.now().toISOString();
    const release: ReleaseRecord = {
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      productId: product.id,
      name: input.name,
      description: input.description,
      targetDate: input.targetDate,
      status: input.status,
      releasedAt: input.status === 'released' ? now : null,
      atRisk: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (repos) => {
      await repos.releases.insert(release);
      await this.record(repos, scope, 'release.created', release.id, null, release);
    });
    this.publish(scope, release);
    return release;
  }

  async update(scope: Scope, release: ReleaseRecord, patch: ReleaseUpdate, expectedVersion?: number): Promise<ReleaseRecord> {
    const changes = defined(patch) as ReleasePatch;
    const now = this.ctx.clock.now().toISOString();
    const updated = await this.store.transaction(async (repos) => {
      const before = await this.fresh(repos, release.id);
      if (changes.status) assertReleaseTransition(before.status, changes.status);
      if (changes.status === 'released' && before.status !== 'released') changes.releasedAt = now;
      const after = await repos.releases.update(release.id, changes, now, expectedVersion);
      if (!after) throw staleVersion('release', before.version);
      if (before.targetDate !== after.targetDate) await this.change(repos, scope, after, 'date_moved', { targetDate: before.targetDate }, { targetDate: after.targetDate });
      if (before.status !== after.status) await this.change(repos, scope, after, 'status_changed', { status: before.status }, { status: after.status });
      await this.record(repos, scope, 'release.updated', release.id, before, after);
      return after;
    });
    const assessed = await this.reassess(scope, updated);
    this.publish(scope, assessed);
    return assessed;
  }

  async remove(scope: Scope, release: ReleaseRecord, expectedVersion?: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const before = await this.fresh(repos, release.id);
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleVersion('release', before.version);
      await repos.releases.delete(release.id);
      await this.record(repos, scope, 'release.deleted', release.id, before, null);
    });
    this.publish(scope, release);
  }

  async scopeOf(scope: Scope, release: ReleaseRecord) {
    return this.store.read.releases.scope(scope.workspaceId, release.id);
  }

  /** Puts an item in the release's scope (taking it out of another release's). */
  async addItem(scope: Scope, release: ReleaseRecord, itemRef: string): Promise<boolean> {
    const now = this.ctx.clock.now().toISOString();
    const result = await this.store.transaction(async (repos) => {
      const current = await this.fresh(repos, release.id);
      const item = await this.item(repos, scope, current, itemRef);
      assertMayScope(scope.roles, item.type);
      if (item.releaseId === current.id) return { added: false, previous: null };
      const previous = item.releaseId ? await repos.releases.findById(item.releaseId) : null;
      await repos.releases.setItemRelease(item.id, current.id, now);
      if (previous) await this.change(repos, scope, previous, 'scope_removed', this.itemFacts(item), null);
      await this.change(repos, scope, current, 'scope_added', null, this.itemFacts(item));
      return { added: true, previous };
    });
    if (result.added) {
      for (const touched of [release, ...(result.previous ? [result.previous] : [])]) this.publish(scope, await this.reassess(scope, touched));
    }
    return result.added;
  }

  async removeItem(scope: Scope, release: ReleaseRecord, itemRef: string): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      const current = await this.fresh(repos, release.id);
      const item = await this.item(repos, scope, current, itemRef, { inTrash: true });
      if (item.releaseId !== current.id) throw notFound('That item in this release');
      assertMayScope(scope.roles, item.type);
      await repos.releases.setItemRelease(item.id, null, now);
      await this.change(repos, scope, current, 'scope_removed', this.itemFacts(item), null);
    });
    this.publish(scope, await this.reassess(scope, release));
  }

  /** Delivery progress of the scope by points. */
  async progress(scope: Scope, product: ProductRecord) {
    const rollups = await this.store.read.initiatives.rollups(scope.workspaceId, product.id, 'release', {
      done: statusKeysIn(product.workflow, 'done'),
      canceled: statusKeysIn(product.workflow, 'canceled'),
    });
    return (releaseId: string) => withProgress(rollups.get(releaseId) ?? EMPTY_ROLLUP);
  }

  /** How ready each release's launch is (all of the product's, or these), from their checklists in one grouped read. */
  async readiness(scope: Scope, productId: string, releaseIds?: readonly string[]) {
    const counts = await this.store.read.launches.stateCounts(scope.workspaceId, productId, releaseIds);
    return (releaseId: string): LaunchReadiness => readinessFromCounts(counts.get(releaseId) ?? {});
  }

  /**
   * When the release's remaining work will be done, by Monte Carlo over the
   * product's last 30 days of throughput, and whether that misses the target.
   */
  async forecast(scope: Scope, release: ReleaseRecord): Promise<ReleaseForecast> {
    const product = (await this.store.read.products.findById(release.productId))!;
    const today = this.ctx.clock.now().toISOString().slice(0, 10);
    const [progressOf, history] = await Promise.all([this.progress(scope, product), throughputHistory(this.store.read.items, product, today, FORECAST_HISTORY_DAYS)]);
    const { daily } = history;
    const rollup = progressOf(release.id);
    const remaining = rollup.items - rollup.doneItems;
    const none = (explanation: string): ReleaseForecast => ({ remaining, history, p50: null, p85: null, p95: null, distribution: [], atRisk: false, explanation });
    if (release.status === 'released' || release.status === 'canceled') return none(`The release is ${release.status}; nothing to forecast.`);
    if (remaining === 0) {
      return { remaining, history, p50: today, p85: today, p95: today, distribution: [], atRisk: false, explanation: 'Nothing in scope is left to do.' };
    }
    if (daily.every((count) => count === 0)) return none(`No item was done in the last ${FORECAST_HISTORY_DAYS} days, so there is no pace to forecast from.`);
    let forecast: ReturnType<typeof forecastWhen>;
    try {
      forecast = forecastWhen({ throughput: daily, remaining, start: today, seed: releaseSeed(release.id) });
    } catch (error) {
      // A pace so slow the work runs past the forecast's horizon is an answer, not bad input.
      if (isTandemError(error) && error.code === 'validation_failed') return { ...none(`At the pace of the last ${FORECAST_HISTORY_DAYS} days, ${remaining} items take longer than a forecast looks ahead.`), atRisk: release.targetDate !== null };
      throw error;
    }
    const atRisk = isAtRisk(release.targetDate, forecast.p85);
    const target = release.targetDate ? ` against the target ${release.targetDate}` : '';
    return {
      remaining,
      history,
      p50: forecast.p50,
      p85: forecast.p85,
      p95: forecast.p95,
      distribution: forecast.distribution,
      atRisk,
      explanation: `${remaining} items left at the pace of the last ${FORECAST_HISTORY_DAYS} days: done by ${forecast.p50} (50 %), ${forecast.p85} (85 %), ${forecast.p95} (95 %)${target}${atRisk ? ': at risk' : ''}.`,
    };
  }

  async changes(scope: Scope, release: ReleaseRecord) {
    const changes = await this.store.read.releases.changes(scope.workspaceId, release.id, 500);
    return { items: changes, summary: summarizeReleaseChanges([...changes].reverse()) };
  }

  /**
   * Forecasts a product's open releases again after its work changed (an item
   * done, reopened, added under a feature in scope…), recording each turn into
   * or out of risk as done by `actorId`, whose change moved the forecast.
   */
  async reassessOpen(workspaceId: string, productId: string, actorId: string | null): Promise<void> {
    const scope: Scope = { actor: { userId: actorId ?? '' }, workspaceId, roles: [], action: 'release.manage' };
    for (const release of await this.store.read.releases.list(workspaceId, productId)) {
      if (release.status !== 'planned' && release.status !== 'in_progress') continue;
      const after = await this.reassess(scope, release, actorId);
      if (after.atRisk !== release.atRisk) this.events.publish({ type: 'release.changed', workspaceId, productId, ids: [release.id], actor: actorId });
    }
  }

  /** Forecasts the release again and records a turn into or out of risk. */
  private async reassess(scope: Scope, release: ReleaseRecord, actorId: string | null = scope.actor.userId): Promise<ReleaseRecord> {
    const current = (await this.store.read.releases.findById(release.id)) ?? release;
    const forecast = await this.forecast(scope, current);
    if (forecast.atRisk === current.atRisk) return current;
    return this.store.transaction(async (repos) => {
      // Only over the version forecast: a concurrent reassessment (another node, another change) records the turn once.
      const after = await repos.releases.update(current.id, { atRisk: forecast.atRisk }, this.ctx.clock.now().toISOString(), current.version);
      if (!after) return (await repos.releases.findById(current.id)) ?? current;
      const facts = { p50: forecast.p50, p85: forecast.p85, targetDate: current.targetDate, remaining: forecast.remaining };
      await this.change(repos, scope, after, forecast.atRisk ? 'at_risk' : 'back_on_track', null, facts, actorId);
      return after;
    });
  }

  private itemFacts(item: ItemRecord) {
    return { itemId: item.id, key: formatItemKey(item.productKey, item.number), title: item.title, type: item.type };
  }

  private async item(repos: ReleaseRepositories, scope: Scope, release: ReleaseRecord, ref: string, options: { inTrash?: boolean } = {}): Promise<ItemRecord> {
    const item = await itemOfProduct(repos.items, scope.workspaceId, release.productId, ref);
    if (!item) throw invalidField('itemId', 'no such item in this product');
    if (item.deletedAt && !options.inTrash) throw invalidField('itemId', 'that item is in the trash');
    return item;
  }

  private async fresh(repos: ReleaseRepositories, releaseId: string): Promise<ReleaseRecord> {
    const release = await repos.releases.findById(releaseId);
    if (!release) throw notFound('Release');
    return release;
  }

  private change(repos: ReleaseRepositories, scope: Scope, release: ReleaseRecord, kind: ReleaseChangeKind, before: unknown, after: unknown, actorId: string | null = scope.actor.userId) {
    return repos.releases.recordChange({
      id: this.ctx.newId(),
      workspaceId: scope.workspaceId,
      releaseId: release.id,
      kind,
      before,
      after,
      actorId,
      createdAt: this.ctx.clock.now().toISOString(),
    });
  }

  private record(repos: ReleaseRepositories, scope: Scope, action: string, subjectId: string, before: unknown, after: unknown) {
    return recordChange(repos.activity, this.ctx, scope, { subjectType: 'release', action, subjectId, before, after });
  }

  private publish(scope: Scope, release: ReleaseRecord) {
    this.events.publish({ type: 'release.changed', workspaceId: scope.workspaceId, productId: release.productId, ids: [release.id], actor: scope.actor.userId });
  }
}
