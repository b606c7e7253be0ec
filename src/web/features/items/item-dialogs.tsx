import { useState, type FormEvent } from 'react';
import { ITEM_TYPES } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import type { Item, ItemType, ItemUpdate, WorkflowStatus } from '../../api/types';
import { TYPE_LABELS } from '../../ui/badges';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { formatDateTime } from '../../ui/format';
import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { statusOptions } from '../workflow/workflow';
import { fetchItem, useCreateItem, useTrashItem, useUpdateItem } from './queries';

const TYPE_OPTIONS = ITEM_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));

export function CreateItemDialog({ productId, open, onClose, onCreated }: { productId: string; open: boolean; onClose: () => void; onCreated: (item: Item) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New item">
      <CreateItemForm productId={productId} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateItemForm({ productId, onClose, onCreated }: { productId: string; onClose: () => void; onCreated: (item: Item) => void }) {
  const create = useCreateItem(productId);
  const [type, setType] = useState<ItemType>('story');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ type, title, description }, { onSuccess: onCreated });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {create.isError && <Alert>{messageOf(create.error)}</Alert>}
      <div className="form-row">
        <SelectField label="Type" options={TYPE_OPTIONS} value={type} onChange={(e) => setType(e.target.value as ItemType)} error={fieldErrors.type} />
      </div>
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus required maxLength={300} error={fieldErrors.title} placeholder="What needs to happen?" />
      <TextAreaField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} rows={5} error={fieldErrors.description} placeholder="Context, acceptance criteria, links…" />
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={create.isPending} disabled={!title.trim()}>
          Create item
        </Button>
      </div>
    </form>
  );
}

export interface EditItemDialogProps {
  productId: string;
  item: Item | null;
  /** The product's workflow, for the status picker. */
  workflow: WorkflowStatus[] | undefined;
  canEdit: boolean;
  canDelete: boolean;
  onClose: () => void;
  onTrashed: (item: Item) => void;
  /** Present only for roles that may reorder the backlog. */
  onMove?: (item: Item, position: 'top' | 'bottom') => void;
}

export function EditItemDialog({ item, onClose, ...props }: EditItemDialogProps) {
  return (
    <Dialog open={item !== null} onClose={onClose} title={item ? item.key : ''} description={item ? `Created ${formatDateTime(item.createdAt)}` : undefined}>
      {item && <EditItemForm key={item.id} initial={item} onClose={onClose} {...props} />}
    </Dialog>
  );
}

function EditItemForm({ productId, initial, workflow, canEdit, canDelete, onClose, onTrashed, onMove }: Omit<EditItemDialogProps, 'item'> & { initial: Item }) {
  const update = useUpdateItem(productId);
  const trash = useTrashItem(productId);
  // The version the user is editing from; a write against an older one is refused by the server.
  const [base, setBase] = useState(initial);
  const [form, setForm] = useState({ type: initial.type, title: initial.title, description: initial.description, status: initial.status });
  const [conflict, setConflict] = useState(false);
  const failure = update.error ?? trash.error;
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};

  const reloadAfterConflict = async () => {
    setConflict(true);
    update.reset();
    trash.reset();
    try {
      const fresh = await fetchItem(base.id);
      setBase(fresh);
      setForm({ type: fresh.type, title: fresh.title, description: fresh.description, status: fresh.status });
    } catch (error) {
      // Gone for good (deleted by someone else): nothing left to edit.
      if (error instanceof ApiError && error.status === 404) onClose();
    }
  };
  const isConflict = (error: unknown) => error instanceof ApiError && (error.status === 412 || error.code === 'version_mismatch');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: ItemUpdate = {};
    if (form.type !== base.type) changes.type = form.type;
    if (form.title !== base.title) changes.title = form.title;
    if (form.description !== base.description) changes.description = form.description;
    if (form.status !== base.status) changes.status = form.status;
    if (Object.keys(changes).length === 0) return onClose();
    setConflict(false);
    update.mutate(
      { item: base, changes },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isConflict(error)) void reloadAfterConflict();
        },
      },
    );
  };

  const moveToTrash = () => {
    setConflict(false);
    trash.mutate(base, {
      onSuccess: (trashed) => {
        onTrashed(trashed);
        onClose();
      },
      onError: (error) => {
        if (isConflict(error)) void reloadAfterConflict();
      },
    });
  };

  const readOnly = !canEdit;
  return (
    <form className="form" onSubmit={submit} noValidate>
      {conflict && (
        <Alert tone="warning">
          Someone else changed this item while you were editing. Their version is loaded below; make your change again and save.
        </Alert>
      )}
      {failure && !isConflict(failure) && <Alert>{messageOf(failure)}</Alert>}
      {readOnly && <Alert tone="info">Your role can read items but not change them.</Alert>}
      <TextField label="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} disabled={readOnly} required maxLength={300} error={fieldErrors.title} />
      <div className="form-row">
        <SelectField label="Type" options={TYPE_OPTIONS} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as ItemType })} disabled={readOnly} />
        <SelectField label="Status" options={statusOptions(workflow, form.status)} value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })} disabled={readOnly} error={fieldErrors.status} />
      </div>
      <TextAreaField
        label="Description"
        value={form.description}
        onChange={(e) => setForm({ ...form, description: e.target.value })}
        rows={7}
        disabled={readOnly}
        error={fieldErrors.description}
        placeholder={readOnly ? 'No description' : 'Context, acceptance criteria, links…'}
      />
      <div className="form-actions">
        {canDelete && (
          <Button variant="danger" icon={<TrashIcon />} onClick={moveToTrash} busy={trash.isPending} className="form-actions-start">
            Move to trash
          </Button>
        )}
        {onMove && (
          <>
            <Button icon={<ArrowUpIcon />} onClick={() => onMove(base, 'top')}>
              Move to top
            </Button>
            <Button icon={<ArrowDownIcon />} onClick={() => onMove(base, 'bottom')}>
              Move to bottom
            </Button>
          </>
        )}
        <Button onClick={onClose}>{readOnly ? 'Close' : 'Cancel'}</Button>
        {!readOnly && (
          <Button type="submit" variant="primary" busy={update.isPending} disabled={!form.title.trim()}>
            Save changes
          </Button>
        )}
      </div>
    </form>
  );
}
