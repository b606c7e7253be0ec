import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { LoadingState } from '../../ui/states';

/**
 * The sprint pages and the board load on first visit: drag and drop and the
 * pages themselves stay out of the first download, and charts load later still.
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, label: string) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<LoadingState label={label} />}>
        <Page {...(props as ComponentProps<typeof Page>)} />
      </Suspense>
    );
  };
}

export const SprintsPage = lazyPage(() => import('./sprints-page').then((module) => module.SprintsPage), 'Loading sprints…');
export const SprintPage = lazyPage(() => import('./sprint-page').then((module) => module.SprintPage), 'Loading the sprint…');
export const PlanningPage = lazyPage(() => import('./planning-page').then((module) => module.PlanningPage), 'Loading the plan…');
export const BoardPage = lazyPage(() => import('../board/board-page').then((module) => module.BoardPage), 'Loading the board…');
