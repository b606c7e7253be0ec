import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The roadmap page loads on first visit, as the releases and strategy pages do.
const LazyRoadmap = lazy(() => import('./roadmap-page').then((module) => ({ default: module.RoadmapPage })));

export function RoadmapPage(props: ComponentProps<typeof LazyRoadmap>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the roadmap…" />}>
      <LazyRoadmap {...props} />
    </Suspense>
  );
}
