import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The launch page loads on first visit, as the releases page does.
const LazyLaunch = lazy(() => import('./launch-page').then((module) => ({ default: module.LaunchPage })));

export function LaunchPage(props: ComponentProps<typeof LazyLaunch>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the launch…" />}>
      <LazyLaunch {...props} />
    </Suspense>
  );
}
