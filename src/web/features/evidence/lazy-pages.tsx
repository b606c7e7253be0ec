import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The evidence pages load on first visit, as the strategy and market pages do.
const LazyInsights = lazy(() => import('./insights-page').then((module) => ({ default: module.InsightsPage })));
const LazyCustomers = lazy(() => import('./customers-page').then((module) => ({ default: module.CustomersPage })));

export function InsightsPage(props: ComponentProps<typeof LazyInsights>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the insights…" />}>
      <LazyInsights {...props} />
    </Suspense>
  );
}

export function CustomersPage(props: ComponentProps<typeof LazyCustomers>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the customers…" />}>
      <LazyCustomers {...props} />
    </Suspense>
  );
}
