import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { ConfirmDialog, useRemoval } from '../../ui/confirm-dialog';
import { CloseIcon, EditIcon, PlusIcon, TrashIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { CustomerFormDialog, PersonaFormDialog } from './customer-forms';
import { CustomerIcon } from './evidence-icons';
import { formatRevenue, plural, segmentName, type Customer, type Persona, type Segment } from './evidence-model';
import { ItemPicker } from './item-picker';
import { useCustomers, useDeleteCustomer, useDeletePersona, useDeleteSegment, usePersonas, useSaveSegment, useSegments, useSetPersonaItems } from './queries';
import './evidence.css';

type Removal = { kind: 'segment'; record: Segment } | { kind: 'customer'; record: Customer } | { kind: 'persona'; record: Persona };

/**
 * `/w/:workspaceId/p/:productId/customers`: who the evidence comes from. The
 * workspace's segments and customers (shared by its products) and this
 * product's personas with the items that serve them. The PM and the owner
 * keep them; everyone reads them.
 */
export function CustomersPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canManage = isAllowed(roles, 'evidence.manage');
  const product = useProducts(workspaceId).data?.find((candidate) => candidate.id === productId);
  const segments = useSegments(workspaceId);
  const everyone = useCustomers(workspaceId);
  const removal = useRemoval<Removal>();
  const removeSegment = useDeleteSegment(workspaceId);
  const removeCustomer = useDeleteCustomer(workspaceId);
  const removePersona = useDeletePersona(workspaceId, productId);

  const confirmRemoval = () =>
    removal.confirm(
      (target) =>
        target.kind === 'segment'
          ? removeSegment.mutateAsync(target.record)
          : target.kind === 'customer'
            ? removeCustomer.mutateAsync(target.record)
            : removePersona.mutateAsync(target.record),
      (target) => `Deleted: ${target.record.name}`,
    );
  const removalText = !removal.target
    ? ''
    : removal.target.kind === 'segment'
      ? 'Its customers stay, without a segment; their evidence counts under “No segment”.'
      : removal.target.kind === 'customer'
        ? 'Their insights stay, without a customer, and stop counting their revenue.'
        : 'The items that serve them stay as they are.';

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Customers</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>Segments, customers and personas behind the evidence</span>
          </p>
        </div>
        <div className="page-actions">
          <Link to="/w/$workspaceId/p/$productId/insights" params={{ workspaceId, productId }} className="btn btn-ghost btn-sm">
            Insights
          </Link>
        </div>
      </div>
      <div className="evidence-content">
        {segments.isPending ? (
          <LoadingState label="Loading the segments…" />
        ) : segments.isError ? (
          <ErrorState title="Could not load the segments" message={messageOf(segments.error)} action={<Button onClick={() => void segments.refetch()}>Try again</Button>} />
        ) : (
          <>
            <SegmentsSection workspaceId={workspaceId} segments={segments.data} customers={everyone.data} canManage={canManage} onDelete={(record) => removal.ask({ kind: 'segment', record })} />
            <CustomersSection workspaceId={workspaceId} segments={segments.data} canManage={canManage} onDelete={(record) => removal.ask({ kind: 'customer', record })} />
          </>
        )}
        <PersonasSection workspaceId={workspaceId} productId={productId} canManage={canManage} onDelete={(record) => removal.ask({ kind: 'persona', record })} />
      </div>
      {canManage && (
        <ConfirmDialog
          open={removal.target !== null}
          title={removal.target ? `Delete “${removal.target.record.name}”?` : ''}
          confirmLabel="Delete"
          busy={removeSegment.isPending || removeCustomer.isPending || removePersona.isPending}
          error={removal.error}
          onClose={removal.close}
          onConfirm={confirmRemoval}
        >
          {removalText}
        </ConfirmDialog>
      )}
    </div>
  );
}

function SegmentsSection({ workspaceId, segments, customers, canManage, onDelete }: { workspaceId: string; segments: Segment[]; customers: Customer[] | undefined; canManage: boolean; onDelete: (segment: Segment) => void }) {
  const save = useSaveSegment(workspaceId);
  const toast = useToast();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ segment: Segment; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const countOf = (segmentId: string) => customers?.filter((customer) => customer.segmentId === segmentId).length;

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setError(null);
    save.mutate(
      { create: { name: name.trim(), description: '' } },
      {
        onSuccess: (saved) => {
          setName('');
          toast({ message: `Segment added: ${saved.name}`, tone: 'success' });
        },
        onError: (failure) => setError(messageOf(failure)),
      },
    );
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (!editing || !editing.name.trim()) return;
    setError(null);
    save.mutate({ segment: editing.segment, update: { name: editing.name.trim() } }, { onSuccess: () => setEditing(null), onError: (failure) => setError(messageOf(failure)) });
  };

  return (
    <section className="evidence-section" aria-labelledby="segments-heading">
      <div className="section-head">
        <h2 id="segments-heading" className="section-title">
          Segments <span className="section-count">{segments.length}</span>
        </h2>
      </div>
      {segments.length === 0 && (
        <p className="section-empty evidence-teach">
          A segment groups customers who buy alike, such as Enterprise or Start-up. Each feature’s evidence is split by segment, so you see who asks for it.
          {!canManage && ' Product managers add segments.'}
        </p>
      )}
      {segments.length > 0 && (
        <ul className="segment-list" aria-label="Segments">
          {segments.map((segment) =>
            editing?.segment.id === segment.id ? (
              <li key={segment.id} className="segment-chip">
                <form className="segment-rename" onSubmit={rename}>
                  <label className="visually-hidden" htmlFor={`segment-${segment.id}`}>
                    New name for {segment.name}
                  </label>
                  <input id={`segment-${segment.id}`} className="input input-sm" value={editing.name} autoFocus onChange={(event) => setEditing({ segment, name: event.target.value })} onKeyDown={(event) => event.key === 'Escape' && setEditing(null)} />
                  <Button type="submit" size="sm" busy={save.isPending}>
                    Save
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </form>
              </li>
            ) : (
              <li key={segment.id} className="segment-chip">
                <span className="segment-name">{segment.name}</span>
                {countOf(segment.id) !== undefined && <span className="evidence-muted">{plural(countOf(segment.id)!, 'customer')}</span>}
                {canManage && (
                  <>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Rename ${segment.name}`} onClick={() => setEditing({ segment, name: segment.name })}>
                      <EditIcon />
                    </button>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Delete ${segment.name}`} onClick={() => onDelete(segment)}>
                      <TrashIcon />
                    </button>
                  </>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {canManage && (
        <form className="evidence-inline-form" onSubmit={add}>
          <label className="visually-hidden" htmlFor="segment-new">
            New segment
          </label>
          <input id="segment-new" className="input input-sm" value={name} placeholder="New segment, e.g. Enterprise" maxLength={200} onChange={(event) => setName(event.target.value)} />
          <Button type="submit" size="sm" icon={<PlusIcon />} busy={save.isPending && !editing} disabled={!name.trim()}>
            Add segment
          </Button>
        </form>
      )}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}

function CustomersSection({ workspaceId, segments, canManage, onDelete }: { workspaceId: string; segments: Segment[]; canManage: boolean; onDelete: (customer: Customer) => void }) {
  const [q, setQ] = useState('');
  const [segmentId, setSegmentId] = useState('');
  const customers = useCustomers(workspaceId, q, segmentId);
  const toast = useToast();
  const [form, setForm] = useState<{ customer: Customer | null } | null>(null);
  const rows = customers.data ?? [];

  let body;
  if (customers.isPending) body = <LoadingState label="Loading the customers…" />;
  else if (customers.isError && !customers.data) body = <ErrorState title="Could not load the customers" message={messageOf(customers.error)} action={<Button onClick={() => void customers.refetch()}>Try again</Button>} />;
  else if (rows.length === 0 && (q.trim() || segmentId)) {
    body = (
      <p className="section-empty">
        No customer {q.trim() ? `is called anything like “${q.trim()}”` : 'is in this segment'}
        {q.trim() && segmentId ? ' in this segment' : ''}.
      </p>
    );
  }
  else if (rows.length === 0) {
    body = (
      <EmptyState
        icon={<CustomerIcon width={20} height={20} />}
        title="No customers yet"
        action={
          canManage && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setForm({ customer: null })}>
              Add the first customer
            </Button>
          )
        }
      >
        Add the companies you sell to with their segment, plan and annual revenue. Insights name them, so each feature shows how much revenue asks for it. A CSV upload
        of insights adds the customers it names.
      </EmptyState>
    );
  } else {
    body = (
      <div className="evidence-table-wrap">
        <table className="evidence-table">
          <caption className="visually-hidden">Customers</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Segment</th>
              <th scope="col">Plan</th>
              <th scope="col" className="numeric">
                Annual revenue
              </th>
              <th scope="col" className="numeric">
                Insights
              </th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((customer) => (
              <tr key={customer.id}>
                <th scope="row">
                  {customer.name}
                  {customer.notes && <span className="customer-notes">{customer.notes}</span>}
                </th>
                <td data-label="Segment">{segmentName(segments, customer.segmentId) ?? <span className="evidence-muted">—</span>}</td>
                <td data-label="Plan">{customer.plan || <span className="evidence-muted">—</span>}</td>
                <td className="numeric" data-label="Annual revenue">{formatRevenue(customer.annualRevenue)}</td>
                <td className="numeric" data-label="Insights">{customer.insights}</td>
                {canManage && (
                  <td className="evidence-row-actions">
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Edit ${customer.name}`} onClick={() => setForm({ customer })}>
                      <EditIcon />
                    </button>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Delete ${customer.name}`} onClick={() => onDelete(customer)}>
                      <TrashIcon />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="evidence-section" aria-labelledby="customers-heading">
      <div className="section-head">
        <h2 id="customers-heading" className="section-title">
          Customers {customers.data && <span className="section-count">{rows.length}</span>}
        </h2>
        <label className="visually-hidden" htmlFor="customer-search">
          Search customers
        </label>
        <input id="customer-search" className="input input-sm evidence-search" type="search" placeholder="Search by name…" value={q} onChange={(event) => setQ(event.target.value)} />
        <label className="visually-hidden" htmlFor="customer-segment">
          Segment
        </label>
        <select id="customer-segment" className="input input-sm select evidence-source" value={segmentId} onChange={(event) => setSegmentId(event.target.value)}>
          <option value="">Every segment</option>
          {segments.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </select>
        {canManage && (
          <Button size="sm" icon={<PlusIcon />} onClick={() => setForm({ customer: null })}>
            Add customer
          </Button>
        )}
      </div>
      {body}
      {canManage && form && (
        <CustomerFormDialog
          workspaceId={workspaceId}
          customer={form.customer}
          segments={segments}
          onClose={() => setForm(null)}
          onSaved={(saved, created) => {
            setForm(null);
            toast({ message: created ? `Customer added: ${saved.name}` : `Customer saved: ${saved.name}`, tone: 'success' });
          }}
        />
      )}
    </section>
  );
}

function PersonasSection({ workspaceId, productId, canManage, onDelete }: { workspaceId: string; productId: string; canManage: boolean; onDelete: (persona: Persona) => void }) {
  const personas = usePersonas(productId);
  const toast = useToast();
  const [form, setForm] = useState<{ persona: Persona | null } | null>(null);

  let body;
  if (personas.isPending) body = <LoadingState label="Loading the personas…" />;
  else if (personas.isError) body = <ErrorState title="Could not load the personas" message={messageOf(personas.error)} action={<Button onClick={() => void personas.refetch()}>Try again</Button>} />;
  else if (personas.data.length === 0) {
    body = (
      <p className="section-empty evidence-teach">
        A persona is a person you build for: who they are, what they want and what gets in their way. Name the stories and features that serve each one, so the team
        knows who a piece of work is for.{!canManage && ' Product managers add personas.'}
      </p>
    );
  } else {
    body = (
      <div className="persona-grid">
        {personas.data.map((persona) => (
          <PersonaCard key={persona.id} workspaceId={workspaceId} productId={productId} persona={persona} canManage={canManage} onEdit={() => setForm({ persona })} onDelete={() => onDelete(persona)} />
        ))}
      </div>
    );
  }

  return (
    <section className="evidence-section" aria-labelledby="personas-heading">
      <div className="section-head">
        <h2 id="personas-heading" className="section-title">
          Personas {personas.data && <span className="section-count">{personas.data.length}</span>}
        </h2>
        {canManage && (
          <Button size="sm" icon={<PlusIcon />} onClick={() => setForm({ persona: null })}>
            Add persona
          </Button>
        )}
      </div>
      {body}
      {canManage && form && (
        <PersonaFormDialog
          workspaceId={workspaceId}
          productId={productId}
          persona={form.persona}
          onClose={() => setForm(null)}
          onSaved={(saved, created) => {
            setForm(null);
            toast({ message: created ? `Persona added: ${saved.name}` : `Persona saved: ${saved.name}`, tone: 'success' });
          }}
        />
      )}
    </section>
  );
}

function PersonaCard({ workspaceId, productId, persona, canManage, onEdit, onDelete }: { workspaceId: string; productId: string; persona: Persona; canManage: boolean; onEdit: () => void; onDelete: () => void }) {
  const setItems = useSetPersonaItems(workspaceId, productId);
  const [error, setError] = useState<string | null>(null);
  const ids = persona.items.map((item) => item.id);
  const change = (itemIds: string[]) => {
    setError(null);
    setItems.mutate({ persona, itemIds }, { onError: (failure) => setError(messageOf(failure)) });
  };

  return (
    <article className="persona-card" aria-labelledby={`persona-${persona.id}`}>
      <div className="persona-head">
        <h3 id={`persona-${persona.id}`} className="persona-name">
          {persona.name}
        </h3>
        {canManage && (
          <span className="persona-actions">
            <button type="button" className="icon-btn icon-btn-sm" aria-label={`Edit ${persona.name}`} onClick={onEdit}>
              <EditIcon />
            </button>
            <button type="button" className="icon-btn icon-btn-sm" aria-label={`Delete ${persona.name}`} onClick={onDelete}>
              <TrashIcon />
            </button>
          </span>
        )}
      </div>
      {persona.description && (
        <div className="persona-description">
          <MarkdownText text={persona.description} />
        </div>
      )}
      <div className="persona-columns">
        <div>
          <h4 className="persona-label">Goals</h4>
          {persona.goals ? <MarkdownText text={persona.goals} /> : <p className="evidence-muted">None written yet.</p>}
        </div>
        <div>
          <h4 className="persona-label">Pains</h4>
          {persona.pains ? <MarkdownText text={persona.pains} /> : <p className="evidence-muted">None written yet.</p>}
        </div>
      </div>
      <h4 className="persona-label">Served by</h4>
      {persona.items.length === 0 ? (
        <p className="evidence-muted">No story or feature serves them yet.</p>
      ) : (
        <ul className="persona-items" aria-label={`Items serving ${persona.name}`}>
          {persona.items.map((item) => (
            <li key={item.id} className="persona-item">
              <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey: item.key }}>
                <span className="evidence-key">{item.key}</span> {item.title}
              </Link>
              {canManage && (
                <button type="button" className="icon-btn icon-btn-sm" aria-label={`${item.key} no longer serves ${persona.name}`} disabled={setItems.isPending} onClick={() => change(ids.filter((id) => id !== item.id))}>
                  <CloseIcon />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && <ItemPicker productId={productId} label={`Add an item serving ${persona.name}`} taken={ids} onPick={(item) => change([...ids, item.id])} />}
      {error && <Alert>{error}</Alert>}
    </article>
  );
}
