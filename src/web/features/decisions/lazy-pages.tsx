import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The decision log and a decision's page load on first visit, as the sprint pages do.
const LazyLog = lazy(() => import('./decision-log-page').then((module) => ({ default: module.DecisionLogPage })));
const LazyDecision = lazy(() => import('./decision-page').then((module) => ({ default: module.DecisionPage })));

export function DecisionLogPage(props: ComponentProps<typeof LazyLog>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the decision log…" />}>
      <LazyLog {...props} />
    </Suspense>
  );
}

export function DecisionPage(props: ComponentProps<typeof LazyDecision>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the decision…" />}>
      <LazyDecision {...props} />
    </Suspense>
  );
}
