import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { CUSTOM_FIELD_KINDS, STATUS_CATEGORIES } from '../../../contracts/vocabulary';
import { isAllowed } from '../../../domain/access/permissions';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import type { CustomField, CustomFieldKind, Product } from '../../api/types';
import { CATEGORY_LABELS, StatusRing } from '../../ui/badges';
import { Button } from '../../ui/button';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, ListIcon, PlusIcon } from '../../ui/icons';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { useReplaceCustomFields, useReplaceWorkflow } from './queries';
import { ScoringCriteriaForm } from './scoring-criteria-form';
import { moveEntry, parseOptions, toStatusRows, toWorkflowInput, type StatusRow } from './workflow';

const KIND_LABELS: Record<CustomFieldKind, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  single_select: 'Single select',
  multi_select: 'Multi select',
};
const isSelect = (kind: CustomFieldKind) => kind === 'single_select' || kind === 'multi_select';

let localIds = 0;
const newRowId = () => `new-${++localIds}`;

/** `/w/:workspaceId/p/:productId/settings`: the product's workflow and custom fields. */
export function SettingsPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canConfigure = isAllowed(roles, 'workflow.update');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);

  let body;
  if (products.isPending) body = <LoadingState label="Loading the product…" />;
  else if (products.isError) body = <ErrorState title="Could not load the product" message={messageOf(products.error)} action={<Button onClick={() => void products.refetch()}>Try again</Button>} />;
  else if (!product) body = <EmptyState title="Product not found">It does not exist in this workspace.</EmptyState>;
  else
    body = (
      <div className="page-content settings-content">
        {!canConfigure && <Alert tone="info">Your role can see the workflow but not change it. Owners, product managers and product owners can.</Alert>}
        <WorkflowForm key={`workflow-${product.id}`} workspaceId={workspaceId} product={product} readOnly={!canConfigure} />
        <CustomFieldsForm key={`fields-${product.id}`} workspaceId={workspaceId} product={product} readOnly={!canConfigure} />
        <ScoringCriteriaForm key={`criteria-${product.id}`} workspaceId={workspaceId} product={product} readOnly={!canConfigure} />
      </div>
    );

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Workflow and fields</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            {product && <span>{product.name}</span>}
          </p>
        </div>
        <div className="page-actions">
          <Link to="/w/$workspaceId/p/$productId/items" params={{ workspaceId, productId }} className="btn btn-ghost">
            <ListIcon />
            Back to items
          </Link>
        </div>
      </div>
      {body}
    </div>
  );
}

function WorkflowForm({ workspaceId, product, readOnly }: { workspaceId: string; product: Product; readOnly: boolean }) {
  const replace = useReplaceWorkflow(workspaceId);
  const toast = useToast();
  const [rows, setRows] = useState<StatusRow[]>(() => toStatusRows(product.workflow));
  const baseline = useRef(product.workflow);
  const [notice, setNotice] = useState<{ tone: 'danger' | 'warning'; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = JSON.stringify(toWorkflowInput(rows)) !== JSON.stringify(toWorkflowInput(toStatusRows(baseline.current)));

  useEffect(() => {
    if (dirty || product.workflow === baseline.current) return;
    baseline.current = product.workflow;
    setRows(toStatusRows(product.workflow));
  }, [product.workflow, dirty]);

  const update = (index: number, patch: Partial<StatusRow>) => setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    rows.forEach((row, index) => {
      if (!row.name.trim()) problems[`statuses.${index}.name`] = 'A status needs a name.';
      const limit = row.wipLimit.trim();
      if (limit !== '' && !(Number.isInteger(Number(limit)) && Number(limit) >= 1 && Number(limit) <= 999)) problems[`statuses.${index}.wipLimit`] = 'A WIP limit is a whole number from 1 to 999, or empty for none.';
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    // The product may have moved on (its fields saved, say): the workflow itself is what must not have.
    const changedElsewhere = JSON.stringify(product.workflow) !== JSON.stringify(baseline.current);
    if (changedElsewhere) {
      baseline.current = product.workflow;
      setNotice({ tone: 'warning', text: 'Someone else changed the workflow while you were editing. Their version is what is saved now; save again to replace it with yours.' });
      return;
    }
    setNotice(null);
    replace.mutate(
      { product, body: toWorkflowInput(rows) },
      {
        onSuccess: (saved) => {
          baseline.current = saved.workflow;
          setRows(toStatusRows(saved.workflow));
          toast({ message: 'Workflow saved', tone: 'success' });
        },
        onError: (error) => {
          if (isStale(error)) {
            setNotice({ tone: 'warning', text: 'Someone else changed this product at the same moment. Save again to apply your workflow over theirs.' });
          } else if (error instanceof ApiError && error.code === 'status_in_use') {
            setNotice({ tone: 'danger', text: `${messageOf(error)} Move those items to another status first, or keep the status.` });
          } else if (error instanceof ApiError && Object.keys(error.fieldErrorsByPath).length > 0) {
            setErrors(error.fieldErrorsByPath);
            setNotice(error.fieldErrorsByPath.statuses ? { tone: 'danger', text: error.fieldErrorsByPath.statuses } : null);
          } else {
            setNotice({ tone: 'danger', text: `Not saved: ${messageOf(error)}` });
          }
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading" className="card-title">
        Workflow
      </h2>
      <p className="card-text">
        The statuses items move through, in board order. The category decides how a status counts (not started, in progress, finished). A WIP limit caps how many items may be in a status at once.
      </p>
      <form onSubmit={submit} noValidate className="form">
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        <ol className="settings-list" aria-label="Statuses">
          {rows.map((row, index) => {
            const label = row.name.trim() || `status ${index + 1}`;
            const nameError = errors[`statuses.${index}.name`] ?? errors[`statuses.${index}.key`];
            const limitError = errors[`statuses.${index}.wipLimit`];
            const categoryError = errors[`statuses.${index}.category`];
            return (
              <li key={row.rowId} className="settings-row">
                <StatusRing category={row.category} />
                <div className={`field settings-name${nameError ? ' field-invalid' : ''}`}>
                  <input
                    className="input"
                    value={row.name}
                    onChange={(event) => update(index, { name: event.target.value })}
                    aria-label={`Name of ${label}`}
                    aria-invalid={nameError ? true : undefined}
                    maxLength={40}
                    disabled={readOnly}
                  />
                  {nameError && <p className="field-error">{nameError}</p>}
                </div>
                <div className={`field${categoryError ? ' field-invalid' : ''}`}>
                  <select className="input select" value={row.category} onChange={(event) => update(index, { category: event.target.value as StatusRow['category'] })} aria-label={`Category of ${label}`} disabled={readOnly}>
                    {STATUS_CATEGORIES.map((category) => (
                      <option key={category} value={category}>
                        {CATEGORY_LABELS[category]}
                      </option>
                    ))}
                  </select>
                  {categoryError && <p className="field-error">{categoryError}</p>}
                </div>
                <div className={`field settings-limit${limitError ? ' field-invalid' : ''}`}>
                  <input
                    className="input"
                    type="number"
                    min={1}
                    max={999}
                    value={row.wipLimit}
                    onChange={(event) => update(index, { wipLimit: event.target.value })}
                    aria-label={`WIP limit of ${label}`}
                    aria-invalid={limitError ? true : undefined}
                    placeholder="No limit"
                    disabled={readOnly}
                  />
                  {limitError && <p className="field-error">{limitError}</p>}
                </div>
                <span className="settings-key">{row.key ?? 'new'}</span>
                {!readOnly && (
                  <div className="settings-actions">
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => setRows(moveEntry(rows, index, -1))}>
                      <ArrowUpIcon />
                    </button>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Move ${label} down`} disabled={index === rows.length - 1} onClick={() => setRows(moveEntry(rows, index, 1))}>
                      <ArrowDownIcon />
                    </button>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Remove ${label}`} disabled={rows.length === 1} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
                      <CloseIcon />
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        {!readOnly && (
          <div className="form-actions">
            <Button icon={<PlusIcon />} className="form-actions-start" onClick={() => setRows([...rows, { rowId: newRowId(), name: '', category: 'in_progress', wipLimit: '' }])} disabled={rows.length >= 20}>
              Add status
            </Button>
            <Button
              onClick={() => {
                setRows(toStatusRows(product.workflow));
                baseline.current = product.workflow;
                setErrors({});
                setNotice(null);
              }}
              disabled={!dirty}
            >
              Discard changes
            </Button>
            <Button type="submit" variant="primary" busy={replace.isPending} disabled={!dirty}>
              Save workflow
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}

interface FieldRow {
  rowId: string;
  id?: string;
  name: string;
  kind: CustomFieldKind;
  options: string;
}

const toFieldRows = (fields: readonly CustomField[]): FieldRow[] => fields.map((field) => ({ rowId: field.id, id: field.id, name: field.name, kind: field.kind, options: field.options.join(', ') }));
const toFieldInput = (rows: readonly FieldRow[]) =>
  rows.map((row) => ({ ...(row.id ? { id: row.id } : {}), name: row.name.trim(), kind: row.kind, options: isSelect(row.kind) ? parseOptions(row.options) : [] }));

function CustomFieldsForm({ workspaceId, product, readOnly }: { workspaceId: string; product: Product; readOnly: boolean }) {
  const replace = useReplaceCustomFields(workspaceId);
  const toast = useToast();
  const [rows, setRows] = useState<FieldRow[]>(() => toFieldRows(product.customFields));
  const baseline = useRef(product.customFields);
  const [notice, setNotice] = useState<{ tone: 'danger' | 'warning'; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = JSON.stringify(toFieldInput(rows)) !== JSON.stringify(toFieldInput(toFieldRows(baseline.current)));

  useEffect(() => {
    if (dirty || product.customFields === baseline.current) return;
    baseline.current = product.customFields;
    setRows(toFieldRows(product.customFields));
  }, [product.customFields, dirty]);

  const update = (index: number, patch: Partial<FieldRow>) => setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    rows.forEach((row, index) => {
      if (!row.name.trim()) problems[`fields.${index}.name`] = 'A field needs a name.';
      if (isSelect(row.kind) && parseOptions(row.options).length === 0) problems[`fields.${index}.options`] = 'A select field needs at least one option.';
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (JSON.stringify(product.customFields) !== JSON.stringify(baseline.current)) {
      baseline.current = product.customFields;
      setNotice({ tone: 'warning', text: 'Someone else changed the custom fields while you were editing. Save again to replace their version with yours.' });
      return;
    }
    setNotice(null);
    replace.mutate(
      { product, body: toFieldInput(rows) },
      {
        onSuccess: (saved) => {
          baseline.current = saved.customFields;
          setRows(toFieldRows(saved.customFields));
          toast({ message: 'Custom fields saved', tone: 'success' });
        },
        onError: (error) => {
          if (isStale(error)) setNotice({ tone: 'warning', text: 'Someone else changed this product at the same moment. Save again to apply your fields over theirs.' });
          else if (error instanceof ApiError && Object.keys(error.fieldErrorsByPath).length > 0) setErrors(error.fieldErrorsByPath);
          else setNotice({ tone: 'danger', text: `Not saved: ${messageOf(error)}` });
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="fields-heading">
      <h2 id="fields-heading" className="card-title">
        Custom fields
      </h2>
      <p className="card-text">Extra facts every item of this product can carry, such as a platform or a customer tier. Removing a field removes its values from every item.</p>
      <form onSubmit={submit} noValidate className="form">
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {rows.length === 0 ? (
          <p className="section-empty">No custom fields yet.</p>
        ) : (
          <ol className="settings-list" aria-label="Custom fields">
            {rows.map((row, index) => {
              const label = row.name.trim() || `field ${index + 1}`;
              const nameError = errors[`fields.${index}.name`];
              const optionsError = errors[`fields.${index}.options`] ?? Object.entries(errors).find(([key]) => key.startsWith(`fields.${index}.options.`))?.[1];
              return (
                <li key={row.rowId} className="settings-row settings-field-row">
                  <div className={`field settings-name${nameError ? ' field-invalid' : ''}`}>
                    <input className="input" value={row.name} onChange={(event) => update(index, { name: event.target.value })} aria-label={`Name of ${label}`} aria-invalid={nameError ? true : undefined} maxLength={60} disabled={readOnly} />
                    {nameError && <p className="field-error">{nameError}</p>}
                  </div>
                  <select className="input select" value={row.kind} onChange={(event) => update(index, { kind: event.target.value as CustomFieldKind })} aria-label={`Kind of ${label}`} disabled={readOnly}>
                    {CUSTOM_FIELD_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {KIND_LABELS[kind]}
                      </option>
                    ))}
                  </select>
                  <div className={`field settings-options${optionsError ? ' field-invalid' : ''}`}>
                    {isSelect(row.kind) && (
                      <input
                        className="input"
                        value={row.options}
                        onChange={(event) => update(index, { options: event.target.value })}
                        aria-label={`Options of ${label}, separated by commas`}
                        aria-invalid={optionsError ? true : undefined}
                        placeholder="Web, iOS, Android"
                        disabled={readOnly}
                      />
                    )}
                    {optionsError && <p className="field-error">{optionsError}</p>}
                  </div>
                  {!readOnly && (
                    <div className="settings-actions">
                      <button type="button" className="icon-btn icon-btn-sm" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => setRows(moveEntry(rows, index, -1))}>
                        <ArrowUpIcon />
                      </button>
                      <button type="button" className="icon-btn icon-btn-sm" aria-label={`Move ${label} down`} disabled={index === rows.length - 1} onClick={() => setRows(moveEntry(rows, index, 1))}>
                        <ArrowDownIcon />
                      </button>
                      <button type="button" className="icon-btn icon-btn-sm" aria-label={`Remove ${label}`} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
                        <CloseIcon />
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {!readOnly && (
          <div className="form-actions">
            <Button icon={<PlusIcon />} className="form-actions-start" onClick={() => setRows([...rows, { rowId: newRowId(), name: '', kind: 'text', options: '' }])} disabled={rows.length >= 30}>
              Add field
            </Button>
            <Button
              onClick={() => {
                setRows(toFieldRows(product.customFields));
                baseline.current = product.customFields;
                setErrors({});
                setNotice(null);
              }}
              disabled={!dirty}
            >
              Discard changes
            </Button>
            <Button type="submit" variant="primary" busy={replace.isPending} disabled={!dirty}>
              Save fields
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
