import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AccessService } from '../services/access.service';
import { AuthService } from '../services/auth.service';
import type { ServiceContext } from '../services/context';
import { IdempotencyService } from '../services/idempotency.service';
import { ItemService } from '../services/item.service';
import type { PasswordHasher } from '../services/ports';
import { PrioritizationService } from '../services/prioritization.service';
import { ForecastService } from '../services/forecast.service';
import { StrategyService } from '../services/strategy.service';
import { DependencyService } from '../services/dependency.service';
import { ReleaseService } from '../services/release.service';
import { CustomerService } from '../services/customer.service';
import { InsightService } from '../services/insight.service';
import { RoadmapService } from '../services/roadmap.service';
import { watchReleaseRisk } from '../services/release-risk-watch';
import { MarketService } from '../services/market.service';
import { LaunchService } from '../services/launch.service';
import { ScoreService } from '../services/score.service';
import { SprintService } from '../services/sprint.service';
import { SavedViewService } from '../services/view.service';
import { DecisionService } from '../services/decision.service';
import { ProductService } from '../services/product.service';
import { SeedService } from '../services/seed.service';
import { WorkspaceService } from '../services/workspace.service';
import { Store, type DatabaseLocation } from '../store/database';
import type { AppServices } from './http/services';
import { InProcessEventBus, type EventBus } from './realtime/event-bus';
import { PostgresEventBus } from './realtime/postgres-event-bus';
import { createArgon2Hasher } from './security/argon2-hasher';

export const systemContext: ServiceContext = {
  clock: { now: () => new Date() },
  newId: () => uuidv7(),
};

export interface Runtime {
  store: Store;
  services: AppServices;
  seed: SeedService;
  close(): Promise<void>;
}

export interface ComposeOptions {
  hasher?: PasswordHasher;
  ctx?: ServiceContext;
  /** Skip the event bus (CLI commands that only write). */
  withoutEvents?: boolean;
  onBackgroundError?: (error: unknown) => void;
}

/** The one place that wires adapters to services. */
export async function compose(database: DatabaseLocation, options: ComposeOptions = {}): Promise<Runtime> {
  const store = await Store.connect(database);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  const ctx = options.ctx ?? systemContext;
  const hasher = options.hasher ?? createArgon2Hasher();
  const onError = options.onBackgroundError ?? (() => undefined);

  let events: EventBus;
  if (store.pool && database.dialect === 'postgres' && !options.withoutEvents) {
    events = await PostgresEventBus.start(store.pool, database.url, onError);
  } else {
    events = new InProcessEventBus();
  }

  const auth = new AuthService(store, hasher, ctx);
  const workspaces = new WorkspaceService(store, events, hasher, ctx);
  const products = new ProductService(store, events, ctx);
  const items = new ItemService(store, events, ctx);
  const services: AppServices = {
    auth,
    access: new AccessService(store.read),
    workspaces,
    products,
    items,
    prioritization: new PrioritizationService(),
    forecast: new ForecastService(() => randomInt(2 ** 31)),
    scores: new ScoreService(store, events, ctx),
    sprints: new SprintService(store, events, ctx),
    views: new SavedViewService(store, ctx),
    decisions: new DecisionService(store, events, ctx),
    strategy: new StrategyService(store, events, ctx),
    dependencies: new DependencyService(store, events, ctx),
    releases: new ReleaseService(store, events, ctx),
    customers: new CustomerService(store, events, ctx),
    insights: new InsightService(store, events, ctx),
    roadmap: new RoadmapService(store, events, ctx),
    market: new MarketService(store, events, ctx),
    launches: new LaunchService(store, events, ctx),
    idempotency: new IdempotencyService(store, ctx),
    events,
    ping: () => store.ping(),
  };
  const seed = new SeedService(store, hasher, ctx);
  const stopRiskWatch = options.withoutEvents ? async () => undefined : watchReleaseRisk(events, services.releases, onError);

  return {
    store,
    services,
    seed,
    close: async () => {
      await stopRiskWatch();
      await events.close();
      await store.close();
    },
  };
}
