import type { Kysely } from 'kysely';
import type { Repositories } from '../../services/ports';
import type { Dialect } from '../database';
import type { Database } from '../schema';
import { ActivityKyselyRepository } from './activity.repository';
import { ApiTokenKyselyRepository } from './api-token.repository';
import { IdempotencyKyselyRepository } from './idempotency.repository';
import { InviteKyselyRepository } from './invite.repository';
import { ItemKyselyRepository } from './item.repository';
import { LoginFailureKyselyRepository } from './login-failure.repository';
import { MemberKyselyRepository } from './member.repository';
import { ProductKyselyRepository } from './product.repository';
import { ScoreKyselyRepository } from './score.repository';
import { SprintKyselyRepository } from './sprint.repository';
import { SavedViewKyselyRepository } from './view.repository';
import { DecisionKyselyRepository } from './decision.repository';
import { GoalKyselyRepository } from './goal.repository';
import { InitiativeKyselyRepository } from './initiative.repository';
import { DependencyKyselyRepository } from './dependency.repository';
import { ReleaseKyselyRepository } from './release.repository';
import { CustomerKyselyRepository } from './customer.repository';
import { InsightKyselyRepository } from './insight.repository';
import { RoadmapKyselyRepository } from './roadmap.repository';
import { LaunchKyselyRepository } from './launch.repository';
import { MarketKyselyRepository } from './market.repository';
import { SessionKyselyRepository } from './session.repository';
import { UserKyselyRepository } from './user.repository';
import { WorkspaceKyselyRepository } from './workspace.repository';

export function createRepositories(db: Kysely<Database>, dialect: Dialect): Repositories {
  return {
    users: new UserKyselyRepository(db),
    sessions: new SessionKyselyRepository(db),
    apiTokens: new ApiTokenKyselyRepository(db),
    workspaces: new WorkspaceKyselyRepository(db),
    members: new MemberKyselyRepository(db),
    invites: new InviteKyselyRepository(db),
    products: new ProductKyselyRepository(db),
    items: new ItemKyselyRepository(db, dialect),
    scores: new ScoreKyselyRepository(db),
    sprints: new SprintKyselyRepository(db),
    views: new SavedViewKyselyRepository(db),
    decisions: new DecisionKyselyRepository(db),
    goals: new GoalKyselyRepository(db),
    initiatives: new InitiativeKyselyRepository(db),
    dependencies: new DependencyKyselyRepository(db),
    releases: new ReleaseKyselyRepository(db),
    customers: new CustomerKyselyRepository(db),
    insights: new InsightKyselyRepository(db),
    roadmap: new RoadmapKyselyRepository(db),
    launches: new LaunchKyselyRepository(db),
    market: new MarketKyselyRepository(db),
    activity: new ActivityKyselyRepository(db),
    idempotency: new IdempotencyKyselyRepository(db),
    loginFailures: new LoginFailureKyselyRepository(db),
  };
}
