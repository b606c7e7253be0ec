import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from '../../ui/states';

// The matrix page loads on first visit, as the board and the decision log do.
const LazyMatrix = lazy(() => import('./matrix-page').then((module) => ({ default: module.MatrixPage })));

export function MatrixPage(props: ComponentProps<typeof LazyMatrix>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the matrix…" />}>
      <LazyMatrix {...props} />
    </Suspense>
  );
}
