import { createRootRoute, createRoute, createRouter, Outlet, useParams } from '@tanstack/react-router';
import { SignInPage } from '../features/auth/signin-page';
import { parseBacklogSearch } from '../features/items/backlog-search';
import { ItemsPage } from '../features/items/items-page';
import { parseBoardSearch } from '../features/board/board-search';
import { BoardPage, PlanningPage, SprintPage, SprintsPage } from '../features/sprints/lazy-pages';
import { parseDecisionSearch } from '../features/decisions/decision-model';
import { DecisionLogPage, DecisionPage } from '../features/decisions/lazy-pages';
import { MatrixPage } from '../features/prioritization/matrix-lazy-page';
import { AppShell } from '../features/shell/app-shell';
import { StrategyPage, TraceabilityPage } from '../features/strategy/lazy-pages';
import { ReleasesPage } from '../features/releases/lazy-pages';
import { RoadmapPage } from '../features/roadmap/lazy-pages';
import { parseRoadmapSearch } from '../features/roadmap/roadmap-search';
import { LaunchPage } from '../features/launches/lazy-pages';
import { MarketPage } from '../features/market/lazy-pages';
import { CustomersPage, InsightsPage } from '../features/evidence/lazy-pages';
import { CrashPage, HomeRedirect, NotFoundPage, WorkspaceHome } from '../features/shell/home-redirect';
import { InvitePage, ItemPage, MembersPage, SettingsPage, TrashPage } from './lazy-pages';

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeRedirect });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: function SignInRoute() {
    const { redirect } = signInRoute.useSearch();
    return <SignInPage redirect={redirect} />;
  },
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: function InviteRoute() {
    const { token } = inviteRoute.useParams();
    return <InvitePage token={token} />;
  },
});

const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId',
  component: function WorkspaceLayout() {
    const { workspaceId } = workspaceRoute.useParams();
    const params = useParams({ strict: false });
    return (
      <AppShell workspaceId={workspaceId} productId={params.productId}>
        <Outlet />
      </AppShell>
    );
  },
});

const workspaceIndexRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  component: function WorkspaceIndex() {
    const { workspaceId } = workspaceIndexRoute.useParams();
    return <WorkspaceHome workspaceId={workspaceId} />;
  },
});

const itemsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/items',
  validateSearch: parseBacklogSearch,
  component: function ItemsRoute() {
    const { workspaceId, productId } = itemsRoute.useParams();
    const search = itemsRoute.useSearch();
    return <ItemsPage key={productId} workspaceId={workspaceId} productId={productId} search={search} />;
  },
});

const itemRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/items/$itemKey',
  component: function ItemRoute() {
    const { workspaceId, productId, itemKey } = itemRoute.useParams();
    return <ItemPage key={`${productId}/${itemKey}`} workspaceId={workspaceId} productId={productId} itemKey={itemKey} />;
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/settings',
  component: function SettingsRoute() {
    const { workspaceId, productId } = settingsRoute.useParams();
    return <SettingsPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const trashRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/trash',
  component: function TrashRoute() {
    const { workspaceId, productId } = trashRoute.useParams();
    return <TrashPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const sprintsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/sprints',
  component: function SprintsRoute() {
    const { workspaceId, productId } = sprintsRoute.useParams();
    return <SprintsPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const sprintRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/sprints/$sprintId',
  component: function SprintRoute() {
    const { workspaceId, productId, sprintId } = sprintRoute.useParams();
    return <SprintPage key={sprintId} workspaceId={workspaceId} productId={productId} sprintId={sprintId} />;
  },
});

const planningRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/sprints/$sprintId/plan',
  component: function PlanningRoute() {
    const { workspaceId, productId, sprintId } = planningRoute.useParams();
    return <PlanningPage key={sprintId} workspaceId={workspaceId} productId={productId} sprintId={sprintId} />;
  },
});

const boardRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/board',
  validateSearch: parseBoardSearch,
  component: function BoardRoute() {
    const { workspaceId, productId } = boardRoute.useParams();
    const search = boardRoute.useSearch();
    return <BoardPage key={productId} workspaceId={workspaceId} productId={productId} search={search} />;
  },
});

const decisionsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/decisions',
  validateSearch: parseDecisionSearch,
  component: function DecisionsRoute() {
    const { workspaceId, productId } = decisionsRoute.useParams();
    const search = decisionsRoute.useSearch();
    return <DecisionLogPage key={productId} workspaceId={workspaceId} productId={productId} search={search} />;
  },
});

const decisionRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/decisions/$decisionId',
  component: function DecisionRoute() {
    const { workspaceId, productId, decisionId } = decisionRoute.useParams();
    return <DecisionPage key={decisionId} workspaceId={workspaceId} productId={productId} decisionId={decisionId} />;
  },
});

const matrixRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/matrix',
  component: function MatrixRoute() {
    const { workspaceId, productId } = matrixRoute.useParams();
    return <MatrixPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const strategyRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/strategy',
  component: function StrategyRoute() {
    const { workspaceId, productId } = strategyRoute.useParams();
    return <StrategyPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const traceabilityRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/traceability',
  component: function TraceabilityRoute() {
    const { workspaceId, productId } = traceabilityRoute.useParams();
    return <TraceabilityPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const releasesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/releases',
  component: function ReleasesRoute() {
    const { workspaceId, productId } = releasesRoute.useParams();
    return <ReleasesPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const marketRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/market',
  component: function MarketRoute() {
    const { workspaceId, productId } = marketRoute.useParams();
    return <MarketPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const roadmapRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/roadmap',
  validateSearch: parseRoadmapSearch,
  component: function RoadmapRoute() {
    const { workspaceId, productId } = roadmapRoute.useParams();
    const search = roadmapRoute.useSearch();
    return <RoadmapPage key={productId} workspaceId={workspaceId} productId={productId} search={search} />;
  },
});

const launchRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/releases/$releaseId/launch',
  component: function LaunchRoute() {
    const { workspaceId, productId, releaseId } = launchRoute.useParams();
    return <LaunchPage key={releaseId} workspaceId={workspaceId} productId={productId} releaseId={releaseId} />;
  },
});

const insightsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/insights',
  component: function InsightsRoute() {
    const { workspaceId, productId } = insightsRoute.useParams();
    return <InsightsPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const customersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/p/$productId/customers',
  component: function CustomersRoute() {
    const { workspaceId, productId } = customersRoute.useParams();
    return <CustomersPage key={productId} workspaceId={workspaceId} productId={productId} />;
  },
});

const membersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/members',
  component: function MembersRoute() {
    const { workspaceId } = membersRoute.useParams();
    return <MembersPage workspaceId={workspaceId} />;
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signInRoute,
  inviteRoute,
  workspaceRoute.addChildren([workspaceIndexRoute, itemsRoute, itemRoute, settingsRoute, trashRoute, sprintsRoute, sprintRoute, planningRoute, boardRoute, decisionsRoute, decisionRoute, matrixRoute, strategyRoute, traceabilityRoute, releasesRoute, roadmapRoute, launchRoute, marketRoute, insightsRoute, customersRoute, membersRoute]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: false,
  scrollRestoration: false,
  defaultErrorComponent: ({ error }) => <CrashPage error={error} />,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
