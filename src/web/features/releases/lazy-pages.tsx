import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The releases page loads on first visit, as the strategy pages do.
const LazyReleases = lazy(() => import('./releases-page').then((module) => ({ default: module.ReleasesPage })));

export function ReleasesPage(props: ComponentProps<typeof LazyReleases>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the releases…" />}>
      <LazyReleases {...props} />
    </Suspense>
  );
}
