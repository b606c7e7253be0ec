import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { ApiError, messageOf } from '../../api/client';
import { EditConflict, isStale, type ItemChange, type SaveOptions } from '../../api/item-editor';
import type { CustomField, Item } from '../../api/types';
import { StatusRing, TypeBadge } from '../../ui/badges';
import { Button, Kbd } from '../../ui/button';
import { EditIcon, ListIcon, TrashIcon } from '../../ui/icons';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { ScoringPanel, type RicePrefill } from '../prioritization/scoring-panel';
import { useProducts } from '../shell/queries';
import { statusMap, statusOf, statusOptions } from '../workflow/workflow';
import { ActivitySection } from './activity-section';
import { usePending, type Editing, type SaveResult } from './draft-field';
import { CustomFieldsPanel, DetailsPanel, ReadinessPanel } from './item-details';
import { ChildrenSection, CriteriaSection, DescriptionSection, StorySection } from './item-sections';
import { editRightsOf } from './edit-rights';
import { DecisionsSection } from '../decisions/item-decisions';
import { ServesSection } from '../strategy/item-serves';
import { DependenciesSection } from '../releases/item-dependencies';
import { EvidenceSection } from '../evidence/item-evidence';
import { useItemByKey, useItemEditor, useRestoreItem, useTrashItem } from './queries';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const EMPTY_FIELDS: readonly CustomField[] = [];

/** Types that other items may sit under. */
const HAS_CHILDREN = new Set(['epic', 'feature', 'story']);

const STALE_MESSAGE = 'Someone else changed this item at the same moment. Their version is loaded; make your change again.';

interface WipRefusal {
  status: string;
  message: string;
}

/** `/w/:workspaceId/p/:productId/items/:itemKey`: one item, everything about it editable in place. */
export function ItemPage({ workspaceId, productId, itemKey }: { workspaceId: string; productId: string; itemKey: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canEdit = isAllowed(roles, 'item.update');
  const canDelete = isAllowed(roles, 'item.delete');
  const canOverride = isAllowed(roles, 'item.override_wip');
  const canScore = isAllowed(roles, 'item.score');
  const canDecide = isAllowed(roles, 'decision.write');
  const canAlign = isAllowed(roles, 'item.align');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const members = useMembers(workspaceId);
  const statusFor = useMemo(() => statusMap(product?.workflow), [product?.workflow]);
  const statusName = useCallback((key: string) => statusFor(key).name, [statusFor]);
  // The evidence's suggested reach, offered to the scoring form when the item has no RICE score yet.
  const [ricePrefill, setRicePrefill] = useState<RicePrefill | null>(null);

  const query = useItemByKey(productId, itemKey);
  const saveItem = useItemEditor(productId, itemKey);
  const trash = useTrashItem(productId);
  const restore = useRestoreItem(productId);
  const toast = useToast();
  const navigate = useNavigate();

  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: 'warning' | 'danger'; text: string } | null>(null);
  const [wip, setWip] = useState<WipRefusal | null>(null);
  const [saving, setSaving] = useState(0);
  const [savedOnce, setSavedOnce] = useState(false);

  const clearErrors = (fields: string[]) =>
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(next)) if (fields.some((field) => key === field || key.startsWith(`${field}.`))) delete next[key];
      return next;
    });

  /** Every save of the page goes through here, so failures are explained the same way everywhere. */
  const commit = useCallback(
    async (change: ItemChange, fields: string[], options: SaveOptions = {}): Promise<SaveResult> => {
      setSaving((count) => count + 1);
      try {
        await saveItem(change, options);
        clearErrors(fields);
        setNotice(null);
        setSavedOnce(true);
        return 'saved';
      } catch (error) {
        if (error instanceof EditConflict) {
          setNotice({ tone: 'warning', text: error.message });
          return 'conflict';
        }
        if (isStale(error)) {
          setNotice({ tone: 'warning', text: STALE_MESSAGE });
          return 'conflict';
        }
        if (error instanceof ApiError && error.code === 'wip_limit_reached') throw error;
        const byPath = error instanceof ApiError ? error.fieldErrorsByPath : {};
        if (Object.keys(byPath).length > 0) {
          setErrors((current) => ({ ...current, ...byPath }));
          setNotice(null);
        } else {
          setNotice({ tone: 'danger', text: `Not saved: ${messageOf(error)}` });
        }
        return 'failed';
      } finally {
        setSaving((count) => count - 1);
      }
    },
    [saveItem],
  );

  const [pendingStatus, runStatus] = usePending<string>();
  const moveStatus = (status: string, override = false) =>
    runStatus(status, async () => {
      setWip(null);
      try {
        await commit(() => ({ status }), ['status'], { overrideWipLimit: override });
      } catch (error) {
        // Only a WIP refusal gets here: the page offers to move anyway to those allowed.
        setWip({ status, message: messageOf(error) });
      }
    });

  // `e` edits the title, as on the list.
  const [editingTitle, setEditingTitle] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'e' && canEdit && query.data) {
        event.preventDefault();
        setEditingTitle(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit, query.data]);

  const item = query.data;
  const backToItems = (
    <Link to="/w/$workspaceId/p/$productId/items" params={{ workspaceId, productId }} className="btn btn-secondary">
      <ListIcon />
      Back to items
    </Link>
  );

  if (query.isPending) return <LoadingState label={`Loading ${itemKey}…`} />;
  if (query.isError && !item) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <div className="page">
          <EmptyState title={`${itemKey} was not found`} action={backToItems}>
            It may have been moved to the trash, or the key is mistyped.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        <ErrorState title={`Could not load ${itemKey}`} message={messageOf(query.error)} action={<Button onClick={() => void query.refetch()}>Try again</Button>} />
      </div>
    );
  }
  if (!item) return null;

  if (item.deletedAt) {
    return (
      <div className="page">
        <EmptyState title={`${item.key} is in the trash`} action={backToItems}>
          Restore it from the trash to work on it again.
        </EmptyState>
      </div>
    );
  }

  const rights = editRightsOf(roles, me.data?.user.id ?? null, item);
  const editing: Editing = { item, readOnly: !canEdit, mayEdit: rights.mayEdit, commit: (change, fields) => commit(change, fields), errors };

  const moveToTrash = () =>
    trash.mutate(item, {
      onSuccess: (trashed) => {
        void navigate({ to: '/w/$workspaceId/p/$productId/items', params: { workspaceId, productId } });
        toast({
          message: `${trashed.key} moved to the trash`,
          action: {
            label: 'Undo',
            onClick: () =>
              restore.mutate(trashed, {
                onSuccess: (restored) => toast({ message: `${restored.key} restored`, tone: 'success' }),
                onError: (error) => toast({ message: messageOf(error), tone: 'danger' }),
              }),
          },
        });
      },
      onError: (error) => setNotice({ tone: 'danger', text: `Not moved to the trash: ${messageOf(error)}` }),
    });

  const shownStatus = pendingStatus ?? item.status;
  const status = statusOf(product?.workflow, shownStatus);

  return (
    <div className="page page-scroll item-page">
      <div className="page-header item-header">
        <div className="page-heading item-heading">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/w/$workspaceId/p/$productId/items" params={{ workspaceId, productId }}>
              {product?.name ?? 'Items'}
            </Link>
            <span aria-hidden="true">/</span>
            <span aria-current="page">{item.key}</span>
          </nav>
          <TitleEditor item={item} editing={editingTitle} onEditingChange={setEditingTitle} canEdit={canEdit} commit={commit} error={errors.title} />
          <p className="page-subtitle item-meta">
            <TypeBadge type={item.type} />
            <span className="page-key">{item.key}</span>
            <span className="save-state" role="status" aria-live="polite">
              {saving > 0 ? 'Saving…' : savedOnce ? 'All changes saved' : ''}
            </span>
          </p>
        </div>
        <div className="page-actions">
          <StatusPicker value={shownStatus} workflowStatus={status} options={statusOptions(product?.workflow, shownStatus)} disabled={!rights.mayEdit('status')} onChange={(next) => void moveStatus(next)} />
          {canDelete && (
            <Button variant="danger" icon={<TrashIcon />} onClick={moveToTrash} busy={trash.isPending}>
              Move to trash
            </Button>
          )}
        </div>
      </div>

      <div className="item-layout">
        <div className="item-main">
          {rights.mode === 'own-work' && <Alert tone="info">You can update the status, estimate, criteria and blocked flag of work assigned to you.</Alert>}
          {rights.mode === 'none' && (
            <Alert tone="info">
              {rights.hasOwnWork
                ? 'This item is not assigned to you, so it is read-only. You can update the status, estimate, criteria and blocked flag of work assigned to you.'
                : 'Your role can read items but not change them.'}
            </Alert>
          )}
          {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
          {wip && (
            <div className="alert alert-warning wip-alert" role="alert">
              <div>
                <strong>{statusOf(product?.workflow, wip.status).name} is at its WIP limit.</strong> {wip.message}
                {!canOverride && ' Ask a product owner if it has to move now.'}
              </div>
              <div className="wip-actions">
                {canOverride && (
                  <Button size="sm" variant="primary" onClick={() => void moveStatus(wip.status, true)}>
                    Move anyway
                  </Button>
                )}
                <Button size="sm" onClick={() => setWip(null)}>
                  Dismiss
                </Button>
              </div>
            </div>
          )}
          {item.type === 'story' && <StorySection {...editing} />}
          <DescriptionSection {...editing} />
          <CriteriaSection {...editing} />
          <ServesSection workspaceId={workspaceId} item={item} canAlign={canAlign} />
          <DependenciesSection workspaceId={workspaceId} item={item} canEdit={canEdit} />
          <EvidenceSection workspaceId={workspaceId} item={item} canScore={canScore} onPrefillRice={(reach) => setRicePrefill({ reach, nonce: Date.now() })} />
          <ScoringPanel productId={productId} item={item} criteria={product?.scoringCriteria ?? []} canScore={canScore} ricePrefill={ricePrefill} />
          {HAS_CHILDREN.has(item.type) && <ChildrenSection workspaceId={workspaceId} item={item} statusFor={statusFor} />}
          <DecisionsSection workspaceId={workspaceId} item={item} canWrite={canDecide} />
          <ActivitySection item={item} members={members.data} statusName={statusName} customFields={product?.customFields ?? EMPTY_FIELDS} />
        </div>
        <aside className="item-side" aria-label="Item details">
          {item.readiness && <ReadinessPanel readiness={item.readiness} />}
          <DetailsPanel editing={editing} workspaceId={workspaceId} members={members.data} />
          <CustomFieldsPanel editing={editing} fields={product?.customFields ?? []} />
          <p className="side-note">
            {canEdit && (
              <>
                <Kbd>E</Kbd> edits the title.{' '}
              </>
            )}
            Updated <time dateTime={item.updatedAt}>{new Date(item.updatedAt).toLocaleString()}</time>
          </p>
        </aside>
      </div>
    </div>
  );
}

function StatusPicker({
  value,
  workflowStatus,
  options,
  disabled,
  onChange,
}: {
  value: string;
  workflowStatus: { name: string; category: Parameters<typeof StatusRing>[0]['category'] };
  options: Array<{ value: string; label: string }>;
  disabled: boolean;
  onChange: (status: string) => void;
}) {
  const id = useId();
  return (
    <div className="status-picker">
      <label htmlFor={id} className="visually-hidden">
        Status
      </label>
      <StatusRing category={workflowStatus.category} />
      <select id={id} className="input select status-select" value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TitleEditor({
  item,
  editing,
  onEditingChange,
  canEdit,
  commit,
  error,
}: {
  item: Item;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  canEdit: boolean;
  commit: (change: ItemChange, fields: string[]) => Promise<SaveResult>;
  error: string | undefined;
}) {
  const [draft, setDraft] = useState(item.title);
  const start = useRef(item.title);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!editing) return;
    start.current = item.title;
    setDraft(item.title);
    requestAnimationFrame(() => inputRef.current?.select());
    // Only entering edit mode takes the title; later changes by others are caught on save.
  }, [editing]);

  const close = () => {
    onEditingChange(false);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    if (!next) return;
    if (next === start.current) return close();
    setBusy(true);
    const result = await commit((latest) => {
      if (latest.title !== start.current) throw new EditConflict('Someone else renamed this item while you were editing the title. Their title is shown now; save again to replace it with yours.');
      return { title: next };
    }, ['title']);
    setBusy(false);
    if (result === 'saved') close();
    else if (result === 'conflict') start.current = item.title;
  };

  if (editing) {
    return (
      <form className="title-form" onSubmit={(event) => void save(event)}>
        <label htmlFor="item-title-input" className="visually-hidden">
          Title
        </label>
        <input
          id="item-title-input"
          ref={inputRef}
          className="input title-input"
          value={draft}
          maxLength={300}
          required
          aria-invalid={error ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        />
        <Button type="submit" size="sm" variant="primary" busy={busy} disabled={!draft.trim()}>
          Save title
        </Button>
        <Button size="sm" onClick={close}>
          Cancel
        </Button>
        {error && <p className="field-error">{error}</p>}
      </form>
    );
  }
  return (
    <div className="title-row">
      <h1 className="page-title item-title-heading" ref={headingRef} tabIndex={-1}>
        {item.title}
      </h1>
      {canEdit && (
        <button type="button" className="icon-btn icon-btn-sm" aria-label="Edit title" aria-keyshortcuts="e" onClick={() => onEditingChange(true)}>
          <EditIcon />
        </button>
      )}
    </div>
  );
}
