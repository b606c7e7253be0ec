import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The market page loads on first visit, as the strategy and release pages do.
const LazyMarket = lazy(() => import('./market-page').then((module) => ({ default: module.MarketPage })));

export function MarketPage(props: ComponentProps<typeof LazyMarket>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the market research…" />}>
      <LazyMarket {...props} />
    </Suspense>
  );
}
