import { useState } from 'react';
import { isAllowed } from '../../../domain/access/permissions';
import { mayScope } from '../../../domain/roadmap/releases';
import { messageOf } from '../../api/client';
import type { ItemType } from '../../api/types';
import { Button } from '../../ui/button';
import { ConfirmDialog, useRemoval } from '../../ui/confirm-dialog';
import { PlusIcon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { planDateOf } from '../strategy/strategy-model';
import { useDeleteRelease, useReleases } from './queries';
import { ReleaseCard, type ReleaseActions } from './release-card';
import { ReleaseFormDialog } from './release-form';
import { ReleaseIcon } from './release-icons';
import type { Release } from './release-model';
import './releases.css';

/**
 * `/w/:workspaceId/p/:productId/releases`: each release with its delivery,
 * its forecast against the target, what changed and its scope. The PM and
 * the owner manage releases; the PO changes their scope; everyone reads.
 */
export function ReleasesPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canManage = isAllowed(roles, 'release.manage');
  const canScope = isAllowed(roles, 'release.scope');
  const scopes = (type: ItemType) => mayScope(roles, type);
  const product = useProducts(workspaceId).data?.find((candidate) => candidate.id === productId);
  const releases = useReleases(productId);
  const toast = useToast();
  const today = planDateOf(new Date());

  const [form, setForm] = useState<{ release: Release | null } | null>(null);
  const removal = useRemoval<Release>();
  const remove = useDeleteRelease(productId);

  const actions: ReleaseActions = {
    onEdit: (release) => setForm({ release }),
    onDelete: removal.ask,
  };

  let body;
  if (releases.isPending) body = <LoadingState label="Loading the releases…" />;
  else if (releases.isError && !releases.data) {
    body = <ErrorState title="Could not load the releases" message={messageOf(releases.error)} action={<Button onClick={() => void releases.refetch()}>Try again</Button>} />;
  } else if (releases.data.length === 0) {
    body = (
      <EmptyState
        icon={<ReleaseIcon width={20} height={20} />}
        title="No releases yet"
        action={
          canManage && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setForm({ release: null })}>
              Plan the first release
            </Button>
          )
        }
      >
        A release is a date the team is heading for and the stories that should ship by then. Give it a target date and a scope, and Tandem forecasts from the
        team’s own throughput when the work will be done, flags the release at risk when the 85 % date falls after the target, and keeps a plain-words history of
        every change to its scope and date for stakeholder updates.
        {!canManage && ' Product managers plan releases; they will show up here.'}
      </EmptyState>
    );
  } else {
    body = (
      <div className="release-list">
        {releases.data.map((release) => (
          <ReleaseCard key={release.id} workspaceId={workspaceId} release={release} today={today} canManage={canManage} canScope={canScope} scopes={scopes} actions={actions} />
        ))}
      </div>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Releases</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>What ships when, how likely that is, and what changed on the way</span>
          </p>
        </div>
        <div className="page-actions">
          {canManage && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setForm({ release: null })}>
              New release
            </Button>
          )}
        </div>
      </div>
      <div className="releases-content">
        {releases.isError && releases.data && (
          <p className="field-error" role="alert">
            Could not refresh the releases: {messageOf(releases.error)}
          </p>
        )}
        {body}
      </div>

      {canManage && form && (
        <ReleaseFormDialog
          productId={productId}
          release={form.release}
          onClose={() => setForm(null)}
          onSaved={(release, created) => {
            setForm(null);
            toast({ message: created ? `Release planned: ${release.name}` : `Release saved: ${release.name}`, tone: 'success' });
          }}
        />
      )}
      {canManage && (
        <ConfirmDialog
          open={removal.target !== null}
          title={removal.target ? `Delete the release “${removal.target.name}”?` : ''}
          confirmLabel="Delete release"
          busy={remove.isPending}
          error={removal.error}
          onConfirm={() =>
            removal.confirm(
              (release) => remove.mutateAsync(release),
              (release) => `Release deleted: ${release.name}`,
            )
          }
          onClose={removal.close}
        >
          Its items stay in the backlog, in no release. Its change history goes with it. This cannot be undone.
        </ConfirmDialog>
      )}
    </div>
  );
}
