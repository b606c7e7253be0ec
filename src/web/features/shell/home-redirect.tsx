import { Link } from '@tanstack/react-router';
import { Redirect } from '../../app/redirect';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useSignOut } from '../auth/queries';
import { RequireSignIn } from './app-shell';
import { PublicLayout } from './public-layout';
import { useProducts } from './queries';

/** `/`: the first workspace's first product, or sign-in. */
export function HomeRedirect() {
  return (
    <RequireSignIn>
      {(me) =>
        me.workspaces[0] ? (
          <Redirect to="/w/$workspaceId" params={{ workspaceId: me.workspaces[0].id }} replace />
        ) : (
          <NoWorkspace />
        )
      }
    </RequireSignIn>
  );
}

function NoWorkspace() {
  const signOut = useSignOut();
  return (
    <PublicLayout>
      <EmptyState title="You are not in a workspace yet" action={<Button onClick={() => signOut.mutate()}>Sign out</Button>}>
        Ask a workspace owner for an invite link, then open it while signed in.
      </EmptyState>
    </PublicLayout>
  );
}

/** `/w/:workspaceId`: the workspace's first product. */
export function WorkspaceHome({ workspaceId }: { workspaceId: string }) {
  const products = useProducts(workspaceId);
  if (products.isPending) return <LoadingState />;
  if (products.isError) return <ErrorState title="Could not load products" message={messageOf(products.error)} action={<Button onClick={() => void products.refetch()}>Try again</Button>} />;
  const first = products.data[0];
  if (first) return <Redirect to="/w/$workspaceId/p/$productId/items" params={{ workspaceId, productId: first.id }} replace />;
  return (
    <div className="page">
      <EmptyState
        title="No products yet"
        action={
          <Link to="/w/$workspaceId/members" params={{ workspaceId }} className="btn btn-secondary">
            See members
          </Link>
        }
      >
        A product manager or owner can create the first product through the API or the CLI.
      </EmptyState>
    </div>
  );
}

export function NotFoundPage() {
  return (
    <PublicLayout>
      <EmptyState
        title="Page not found"
        action={
          <Link to="/" className="btn btn-secondary">
            Go to Tandem
          </Link>
        }
      >
        The address may be mistyped, or the page has moved.
      </EmptyState>
    </PublicLayout>
  );
}

/** Shown when a page fails to render, instead of a blank screen. */
export function CrashPage({ error }: { error: unknown }) {
  return (
    <PublicLayout>
      <ErrorState
        title="This page hit a problem"
        message={messageOf(error)}
        action={
          <Button variant="secondary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      />
    </PublicLayout>
  );
}
