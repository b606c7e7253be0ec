import type { AccessService } from '../../services/access.service';
import type { AuthService } from '../../services/auth.service';
import type { IdempotencyService } from '../../services/idempotency.service';
import type { ItemService } from '../../services/item.service';
import type { PrioritizationService } from '../../services/prioritization.service';
import type { ForecastService } from '../../services/forecast.service';
import type { ProductService } from '../../services/product.service';
import type { ScoreService } from '../../services/score.service';
import type { SprintService } from '../../services/sprint.service';
import type { SavedViewService } from '../../services/view.service';
import type { DecisionService } from '../../services/decision.service';
import type { StrategyService } from '../../services/strategy.service';
import type { DependencyService } from '../../services/dependency.service';
import type { ReleaseService } from '../../services/release.service';
import type { CustomerService } from '../../services/customer.service';
import type { InsightService } from '../../services/insight.service';
import type { RoadmapService } from '../../services/roadmap.service';
import type { MarketService } from '../../services/market.service';
import type { LaunchService } from '../../services/launch.service';
import type { WorkspaceService } from '../../services/workspace.service';
import type { EventBus } from '../realtime/event-bus';

/** What the HTTP layer needs, wired by compose.ts. */
export interface AppServices {
  auth: AuthService;
  access: AccessService;
  workspaces: WorkspaceService;
  products: ProductService;
  items: ItemService;
  prioritization: PrioritizationService;
  forecast: ForecastService;
  scores: ScoreService;
  sprints: SprintService;
  views: SavedViewService;
  decisions: DecisionService;
  strategy: StrategyService;
  dependencies: DependencyService;
  releases: ReleaseService;
  customers: CustomerService;
  insights: InsightService;
  roadmap: RoadmapService;
  market: MarketService;
  launches: LaunchService;
  idempotency: IdempotencyService;
  events: EventBus;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}
