import { useState } from 'react';
import { isAllowed } from '../../../domain/access/permissions';
import { API_BASE, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { ConfirmDialog, useRemoval } from '../../ui/confirm-dialog';
import { PlusIcon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { CapabilityMatrixTable, type MatrixActions } from './capability-matrix';
import { CompetitorList } from './competitor-list';
import { CapabilityFormDialog, CellDialog, CompetitorFormDialog, PackageDialog, PlanFormDialog } from './market-forms';
import { MarketIcon } from './market-icons';
import { exportFileName, LEVEL_LABELS, type Capability, type CapabilityLevel, type Competitor, type PlanInclusion, type PricingPlan } from './market-model';
import { PackagingGrid, type PackagingActions } from './packaging-grid';
import { useAssess, useCapabilityMatrix, useDeleteCapability, useDeleteCompetitor, useDeletePlan, usePackaging, useSaveCapability } from './queries';
import './market.css';

type Removal = { kind: 'competitor'; record: Competitor } | { kind: 'capability'; record: Capability } | { kind: 'plan'; record: PricingPlan };

/**
 * `/w/:workspaceId/p/:productId/market`: the competitors, the capability
 * matrix against them, and our plans with what each one packages. The PM and
 * the owner research the market; everyone in the workspace reads it.
 */
export function MarketPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canManage = isAllowed(roles, 'market.manage');
  const product = useProducts(workspaceId).data?.find((candidate) => candidate.id === productId);
  const matrix = useCapabilityMatrix(productId);
  const packaging = usePackaging(productId);
  const toast = useToast();

  const [competitorForm, setCompetitorForm] = useState<{ competitor: Competitor | null } | null>(null);
  const [capabilityForm, setCapabilityForm] = useState<{ capability: Capability | null } | null>(null);
  const [planForm, setPlanForm] = useState<{ plan: PricingPlan | null } | null>(null);
  const [cell, setCell] = useState<{ capability: Capability; competitorId: string | null } | null>(null);
  const [cellError, setCellError] = useState<string | null>(null);
  const [packagingCell, setPackagingCell] = useState<{ itemId: string; itemLabel: string; planId: string; inclusion: PlanInclusion | null; note: string } | null | 'new'>(null);
  const removal = useRemoval<Removal>();

  const assess = useAssess(productId);
  const saveCapability = useSaveCapability(productId);
  const removeCompetitor = useDeleteCompetitor(productId);
  const removeCapability = useDeleteCapability(productId);
  const removePlan = useDeletePlan(productId);

  const competitorName = (competitorId: string | null) => (competitorId === null ? 'Us' : (matrix.data?.competitors.find((competitor) => competitor.id === competitorId)?.name ?? 'Competitor'));
  const currentCell = (capability: Capability, competitorId: string | null) => {
    if (competitorId === null) return { level: capability.ourLevel, note: '' };
    const row = matrix.data?.rows.find((entry) => entry.capability.id === capability.id);
    const found = row?.cells.find((entry) => entry.competitorId === competitorId);
    return { level: found?.level ?? 'unknown', note: found?.note ?? '' };
  };

  const setLevel = (capability: Capability, competitorId: string | null, level: CapabilityLevel, note: string, done?: () => void) => {
    const onError = (failure: unknown) => {
      setCellError(messageOf(failure));
      if (!done) toast({ message: `Could not set the cell: ${messageOf(failure)}`, tone: 'danger' });
    };
    const onSuccess = () => {
      setCellError(null);
      toast({ message: `${competitorName(competitorId)} · ${capability.name}: ${LEVEL_LABELS[level].toLowerCase()}`, tone: 'success' });
      done?.();
    };
    if (competitorId === null) saveCapability.mutate({ capability, update: { ourLevel: level } }, { onSuccess, onError });
    else assess.mutate({ capabilityId: capability.id, competitorId, input: { level, note } }, { onSuccess, onError });
  };

  const matrixActions: MatrixActions = {
    onOpenCell: (capability, competitorId) => {
      setCellError(null);
      setCell({ capability, competitorId });
    },
    onQuickSet: (capability, competitorId, level) => setLevel(capability, competitorId, level, currentCell(capability, competitorId).note),
    onEdit: (capability) => setCapabilityForm({ capability }),
    onDelete: (capability) => removal.ask({ kind: 'capability', record: capability }),
  };

  const packagingActions: PackagingActions = {
    onOpenCell: (feature, plan, inclusion, note) => setPackagingCell({ itemId: feature.id, itemLabel: `${feature.key} ${feature.title}`, planId: plan.id, inclusion, note }),
    onEditPlan: (plan) => setPlanForm({ plan }),
    onDeletePlan: (plan) => removal.ask({ kind: 'plan', record: plan }),
  };

  const confirmRemoval = () =>
    removal.confirm(
      (target) =>
        target.kind === 'competitor'
          ? removeCompetitor.mutateAsync(target.record)
          : target.kind === 'capability'
            ? removeCapability.mutateAsync(target.record)
            : removePlan.mutateAsync(target.record),
      (target) => `Deleted: ${target.record.name}`,
    );

  const competitors = matrix.data?.competitors ?? [];
  const capabilities = matrix.data?.rows.length ?? 0;

  let research;
  if (matrix.isPending) research = <LoadingState label="Loading the competitors and the matrix…" />;
  else if (matrix.isError && !matrix.data) {
    research = <ErrorState title="Could not load the market research" message={messageOf(matrix.error)} action={<Button onClick={() => void matrix.refetch()}>Try again</Button>} />;
  } else {
    research = (
      <>
        <section className="market-section" aria-labelledby="market-competitors">
          <div className="section-head">
            <h2 id="market-competitors" className="section-title">
              Competitors <span className="section-count">{competitors.length}</span>
            </h2>
            {canManage && competitors.length > 0 && (
              <Button size="sm" icon={<PlusIcon />} onClick={() => setCompetitorForm({ competitor: null })}>
                Add competitor
              </Button>
            )}
          </div>
          {competitors.length === 0 ? (
            <EmptyState
              icon={<MarketIcon width={20} height={20} />}
              title="No competitors yet"
              action={
                canManage && (
                  <Button variant="primary" icon={<PlusIcon />} onClick={() => setCompetitorForm({ competitor: null })}>
                    Add the first competitor
                  </Button>
                )
              }
            >
              List the products your buyers compare you with: their website, how they position themselves and what you have learnt about them. Each one becomes a
              column of the capability matrix below.{!canManage && ' Product managers add competitors; they will show up here.'}
            </EmptyState>
          ) : (
            <CompetitorList
              competitors={competitors}
              capabilities={capabilities}
              canManage={canManage}
              onEdit={(competitor) => setCompetitorForm({ competitor })}
              onDelete={(competitor) => removal.ask({ kind: 'competitor', record: competitor })}
            />
          )}
        </section>

        <section className="market-section" aria-labelledby="market-matrix">
          <div className="section-head">
            <h2 id="market-matrix" className="section-title">
              Capability matrix <span className="section-count">{capabilities}</span>
            </h2>
            {matrix.data.gaps > 0 && (
              <span className="badge market-badge-gap">
                {matrix.data.gaps} {matrix.data.gaps === 1 ? 'gap' : 'gaps'}
              </span>
            )}
            {canManage && (
              <Button size="sm" icon={<PlusIcon />} onClick={() => setCapabilityForm({ capability: null })}>
                Add capability
              </Button>
            )}
          </div>
          {capabilities === 0 ? (
            <p className="section-empty market-teach">
              A capability is something buyers compare products on, such as “SAML single sign-on”. Add one per row, link it to the epic or feature of ours that
              delivers it, and mark for us and each competitor whether they have it, partly, or not. A cell nobody assessed reads as unknown.
            </p>
          ) : (
            <>
              <CapabilityMatrixTable workspaceId={workspaceId} matrix={matrix.data} canManage={canManage} actions={matrixActions} />
              {canManage && <p className="market-hint">Click a cell, or focus it and press Enter, to set its level and note; h, p, n and u set has, partly, does not and unknown at once.</p>}
            </>
          )}
        </section>
      </>
    );
  }

  let pricing;
  if (packaging.isPending) pricing = <LoadingState label="Loading the plans…" />;
  else if (packaging.isError && !packaging.data) {
    pricing = <ErrorState title="Could not load the plans" message={messageOf(packaging.error)} action={<Button onClick={() => void packaging.refetch()}>Try again</Button>} />;
  } else if (packaging.data.plans.length === 0) {
    pricing = (
      <EmptyState
        title="No pricing plans yet"
        action={
          canManage && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setPlanForm({ plan: null })}>
              Add the first plan
            </Button>
          )
        }
      >
        Add your plans with their exact price and billing period, then say which of your epics and features each plan includes, limits or sells as an add-on.
        The grid exports as a Markdown table for pricing pages and launch notes.
      </EmptyState>
    );
  } else {
    pricing = <PackagingGrid workspaceId={workspaceId} productId={productId} packaging={packaging.data} canManage={canManage} actions={packagingActions} />;
  }

  const editedCell = cell ? currentCell(cell.capability, cell.competitorId) : null;

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Market</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>Who we compete with, how we compare, and what each plan sells</span>
          </p>
        </div>
      </div>
      <div className="market-content">
        {matrix.isError && matrix.data && (
          <p className="field-error" role="alert">
            Could not refresh the matrix: {messageOf(matrix.error)}
          </p>
        )}
        {research}
        <section className="market-section" aria-labelledby="market-pricing">
          <div className="section-head">
            <h2 id="market-pricing" className="section-title">
              Pricing and packaging <span className="section-count">{packaging.data?.plans.length ?? 0}</span>
            </h2>
            <div className="market-section-actions">
              {canManage && (
                <Button size="sm" icon={<PlusIcon />} onClick={() => setPlanForm({ plan: null })}>
                  Add plan
                </Button>
              )}
              {canManage && packaging.data && packaging.data.plans.length > 0 && (
                <Button size="sm" icon={<PlusIcon />} onClick={() => setPackagingCell('new')}>
                  Package a feature
                </Button>
              )}
              {packaging.data && packaging.data.plans.length > 0 && (
                <a className="btn btn-secondary btn-sm" href={`${API_BASE}/products/${encodeURIComponent(productId)}/packaging.md`} download={exportFileName(product?.key ?? 'product')}>
                  Export Markdown
                </a>
              )}
            </div>
          </div>
          {packaging.isError && packaging.data && (
            <p className="field-error" role="alert">
              Could not refresh the plans: {messageOf(packaging.error)}
            </p>
          )}
          {pricing}
        </section>
      </div>

      {canManage && competitorForm && (
        <CompetitorFormDialog
          productId={productId}
          competitor={competitorForm.competitor}
          onClose={() => setCompetitorForm(null)}
          onSaved={(saved, created) => {
            setCompetitorForm(null);
            toast({ message: created ? `Competitor added: ${saved.name}` : `Competitor saved: ${saved.name}`, tone: 'success' });
          }}
        />
      )}
      {canManage && capabilityForm && (
        <CapabilityFormDialog
          productId={productId}
          capability={capabilityForm.capability}
          onClose={() => setCapabilityForm(null)}
          onSaved={(saved, created) => {
            setCapabilityForm(null);
            toast({ message: created ? `Capability added: ${saved.name}` : `Capability saved: ${saved.name}`, tone: 'success' });
          }}
        />
      )}
      {canManage && cell && editedCell && (
        <CellDialog
          title={`${competitorName(cell.competitorId)} · ${cell.capability.name}`}
          level={editedCell.level}
          note={editedCell.note}
          withNote={cell.competitorId !== null}
          busy={assess.isPending || saveCapability.isPending}
          error={cellError}
          onClose={() => setCell(null)}
          onSave={(level, note) => setLevel(cell.capability, cell.competitorId, level, note, () => setCell(null))}
        />
      )}
      {canManage && planForm && (
        <PlanFormDialog
          productId={productId}
          plan={planForm.plan}
          onClose={() => setPlanForm(null)}
          onSaved={(saved, created) => {
            setPlanForm(null);
            toast({ message: created ? `Plan added: ${saved.name} (${saved.priceLabel})` : `Plan saved: ${saved.name}`, tone: 'success' });
          }}
        />
      )}
      {canManage && packagingCell && packaging.data && (
        <PackageDialog
          productId={productId}
          plans={packaging.data.plans}
          {...(packagingCell !== 'new' && { fixed: packagingCell })}
          onClose={() => setPackagingCell(null)}
          onSaved={(message) => {
            setPackagingCell(null);
            toast({ message, tone: 'success' });
          }}
        />
      )}
      {canManage && (
        <ConfirmDialog
          open={removal.target !== null}
          title={removal.target ? `Delete “${removal.target.record.name}”?` : ''}
          confirmLabel="Delete"
          busy={removeCompetitor.isPending || removeCapability.isPending || removePlan.isPending}
          error={removal.error}
          onConfirm={confirmRemoval}
          onClose={removal.close}
        >
          {removal.target?.kind === 'competitor' && 'Its column of the capability matrix goes with it. This cannot be undone.'}
          {removal.target?.kind === 'capability' && 'Its row of the matrix and every assessment in it go with it. This cannot be undone.'}
          {removal.target?.kind === 'plan' && 'Its column of the packaging grid goes with it; the features stay in the backlog. This cannot be undone.'}
        </ConfirmDialog>
      )}
    </div>
  );
}
