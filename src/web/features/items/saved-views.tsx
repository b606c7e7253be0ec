import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ItemSort } from '../../../contracts/item.schema';
import type { SavedView } from '../../../contracts/view.schema';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { TextField } from '../../ui/field';
import { EditIcon, TrashIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { sortLabel } from './backlog-search';
import { useDeleteView, useSaveView, useSavedViews } from './queries';

export interface SavedViewsProps {
  productId: string;
  userId: string | null;
  canShare: boolean;
  canSave: boolean;
  query: string;
  sort: ItemSort;
  onApply: (view: { q: string; sort: ItemSort }) => void;
}

type Editing = { mode: 'create' } | { mode: 'rename'; view: SavedView } | null;

/** A view can be changed by its owner, and a shared one by anyone who may share. */
const canChange = (view: SavedView, userId: string | null, canShare: boolean) => view.ownerId === userId || (view.shared && canShare);

/** Saved filters: pick one, save the current filter and sort as one, rename or delete. */
export function SavedViews({ productId, userId, canShare, canSave, query, sort, onApply }: SavedViewsProps) {
  const views = useSavedViews(productId);
  const remove = useDeleteView(productId);
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const current = views.data?.find((view) => view.query.trim() === query.trim() && view.sort === sort);
  const mine = views.data?.filter((view) => view.ownerId === userId) ?? [];
  const shared = views.data?.filter((view) => view.ownerId !== userId) ?? [];

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!(event.target instanceof Node)) return;
      if (panel.current?.contains(event.target) || button.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const deleteView = (view: SavedView) =>
    remove.mutate(view, {
      onSuccess: () => toast({ message: `View “${view.name}” deleted`, tone: 'success' }),
      onError: (error) => toast({ message: `Not deleted: ${messageOf(error)}`, tone: 'danger' }),
    });

  const group = (title: string, list: SavedView[]) =>
    list.length > 0 && (
      <div className="views-group" role="group" aria-label={title}>
        <p className="views-group-title" aria-hidden="true">
          {title}
        </p>
        <ul className="views-list">
          {list.map((view) => (
            <li key={view.id} className="views-row">
              <button
                type="button"
                className={`views-pick${view === current ? ' is-current' : ''}`}
                aria-current={view === current ? 'true' : undefined}
                onClick={() => {
                  onApply({ q: view.query, sort: view.sort });
                  close();
                }}
              >
                <span className="views-name">{view.name}</span>
                <span className="views-meta">
                  {view.query || 'Everything'}
                  {view.sort !== 'rank' && ` · ${sortLabel(view.sort)}`}
                  {view.shared && ' · shared'}
                </span>
              </button>
              {canChange(view, userId, canShare) && (
                <span className="views-actions">
                  <button type="button" className="icon-btn icon-btn-sm" aria-label={`Rename view ${view.name}`} onClick={() => { setOpen(false); setEditing({ mode: 'rename', view }); }}>
                    <EditIcon />
                  </button>
                  <button type="button" className="icon-btn icon-btn-sm" aria-label={`Delete view ${view.name}`} onClick={() => deleteView(view)}>
                    <TrashIcon />
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <div className="views-anchor">
      <button ref={button} type="button" className="btn btn-secondary btn-sm" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((value) => !value)}>
        Views{current ? `: ${current.name}` : ''}
      </button>
      {canSave && (
        <Button size="sm" variant="ghost" onClick={() => setEditing({ mode: 'create' })}>
          Save view
        </Button>
      )}
      {open && (
        <div
          ref={panel}
          id={menuId}
          className="popover views-popover"
          role="dialog"
          aria-label="Saved views"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          {views.isPending && <p className="popover-text">Loading views…</p>}
          {views.isError && <Alert>{messageOf(views.error)}</Alert>}
          {views.isSuccess && views.data.length === 0 && <p className="popover-text">No saved views yet. Filter the list, then save it as a view to come back to it in one click.</p>}
          {group('My views', mine)}
          {group('Shared views', shared)}
        </div>
      )}
      <ViewDialog
        key={editing?.mode === 'rename' ? editing.view.id : 'create'}
        productId={productId}
        editing={editing}
        canShare={canShare}
        query={query}
        sort={sort}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

function ViewDialog({ productId, editing, canShare, query, sort, onClose }: { productId: string; editing: Editing; canShare: boolean; query: string; sort: ItemSort; onClose: () => void }) {
  const save = useSaveView(productId);
  const toast = useToast();
  const renaming = editing?.mode === 'rename' ? editing.view : null;
  const [name, setName] = useState(renaming?.name ?? '');
  const [shared, setShared] = useState(renaming?.shared ?? false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('A view needs a name.');
      return;
    }
    const change = renaming
      ? { view: renaming, update: { name: name.trim(), ...(canShare ? { shared } : {}) } }
      : { create: { name: name.trim(), query: query.trim(), sort, ...(canShare ? { shared } : {}) } };
    save.mutate(change, {
      onSuccess: (view) => {
        toast({ message: renaming ? `View renamed to “${view.name}”` : `View “${view.name}” saved`, tone: 'success' });
        onClose();
      },
      onError: (failure) => setError(failure instanceof ApiError ? (failure.fieldErrors.name ?? failure.message) : messageOf(failure)),
    });
  };

  return (
    <Dialog
      open={editing !== null}
      onClose={onClose}
      size="sm"
      title={renaming ? 'Rename view' : 'Save view'}
      description={renaming ? undefined : query.trim() ? `Filter “${query.trim()}”, ${sortLabel(sort).toLowerCase()} order` : `Every item, ${sortLabel(sort).toLowerCase()} order`}
    >
      <form className="form" onSubmit={submit} noValidate>
        <TextField label="Name" value={name} maxLength={80} required error={error ?? undefined} onChange={(event) => setName(event.target.value)} />
        {canShare && (
          <label className="checkbox">
            <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
            Share with everyone in the product
          </label>
        )}
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {renaming ? 'Rename' : 'Save view'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
