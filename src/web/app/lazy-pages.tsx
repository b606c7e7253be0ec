import { lazy, Suspense, type ComponentProps } from 'react';
import { PublicLayout } from '../features/shell/public-layout';
import { LoadingState } from '../ui/states';

/**
 * Pages other than the backlog load on first visit, so the first download is
 * only what the backlog needs: the item page brings Markdown (react-markdown,
 * remark), the others their own forms. The sprint pages, the board and the
 * decisions load the same way, from their own feature folders.
 */
const LazyItem = lazy(() => import('../features/items/item-page').then((module) => ({ default: module.ItemPage })));
const LazyTrash = lazy(() => import('../features/items/trash-page').then((module) => ({ default: module.TrashPage })));
const LazySettings = lazy(() => import('../features/workflow/settings-page').then((module) => ({ default: module.SettingsPage })));
const LazyMembers = lazy(() => import('../features/members/members-page').then((module) => ({ default: module.MembersPage })));
const LazyInvite = lazy(() => import('../features/invites/invite-page').then((module) => ({ default: module.InvitePage })));

export function ItemPage(props: ComponentProps<typeof LazyItem>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the item…" />}>
      <LazyItem {...props} />
    </Suspense>
  );
}

export function TrashPage(props: ComponentProps<typeof LazyTrash>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the trash…" />}>
      <LazyTrash {...props} />
    </Suspense>
  );
}

export function SettingsPage(props: ComponentProps<typeof LazySettings>) {
  return (
    <Suspense fallback={<LoadingState label="Loading the settings…" />}>
      <LazySettings {...props} />
    </Suspense>
  );
}

export function MembersPage(props: ComponentProps<typeof LazyMembers>) {
  return (
    <Suspense fallback={<LoadingState label="Loading members…" />}>
      <LazyMembers {...props} />
    </Suspense>
  );
}

/** Outside the shell: the invite page has its own public frame, so the fallback has one too. */
export function InvitePage(props: ComponentProps<typeof LazyInvite>) {
  return (
    <Suspense
      fallback={
        <PublicLayout>
          <LoadingState label="Loading the invite…" />
        </PublicLayout>
      }
    >
      <LazyInvite {...props} />
    </Suspense>
  );
}
