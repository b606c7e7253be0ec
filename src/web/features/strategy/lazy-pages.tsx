import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The strategy pages load on first visit, as the matrix and the decision log do.
const LazyStrategy = lazy(() => import('./strategy-page').then((module) => ({ default: module.StrategyPage })));
const LazyTraceability = lazy(() => import('./traceability-page').then((module) => ({ default: module.TraceabilityPage })));

export function StrategyPage(props: ComponentProps<typeof LazyStrategy>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the strategy…" />}>
      <LazyStrategy {...props} />
    </Suspense>
  );
}

export function TraceabilityPage(props: ComponentProps<typeof LazyTraceability>) {
  return (
    <Suspense fallback={<LoadingState label="Loading traceability…" />}>
      <LazyTraceability {...props} />
    </Suspense>
  );
}
