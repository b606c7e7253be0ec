import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { EditConflict, fieldChange, sameValue, type ItemChange } from '../../api/item-editor';
import type { AcceptanceCriterion, Item, WorkflowStatus } from '../../api/types';
import { StatusBadge, TypeIcon } from '../../ui/badges';
import { Button } from '../../ui/button';
import { TextAreaField, TextField } from '../../ui/field';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, EditIcon, PlusIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { Alert } from '../../ui/states';
import { messageOf } from '../../api/client';
import { DraftField, errorAt, usePendingMap, type Editing } from './draft-field';
import { useChildren } from './queries';

/** "As a … I want … so that …", each part saved when left. */
export function StorySection({ item, readOnly, commit, errors }: Editing) {
  const part = (field: 'persona' | 'want' | 'benefit', label: string, placeholder: string, name: string) => (
    <DraftField
      label={label}
      value={item[field]}
      onSave={(start, next) => commit(fieldChange(field, start, next.trim(), name), [field])}
      disabled={readOnly}
      error={errorAt(errors, field)}
      placeholder={placeholder}
      maxLength={500}
      className={`story-part story-${field}`}
    />
  );
  return (
    <section className="item-section" aria-labelledby="story-heading">
      <h2 id="story-heading" className="section-title">
        User story
      </h2>
      <div className="story-form">
        {part('persona', 'As a', 'new workspace admin', 'persona')}
        {part('want', 'I want', 'to connect our warehouse in minutes', 'want')}
        {part('benefit', 'so that', 'I see our own data on day one', 'benefit')}
      </div>
    </section>
  );
}

/** The description, rendered as sanitised Markdown, with an editor behind "Edit". */
export function DescriptionSection({ item, readOnly, commit, errors }: Editing) {
  const [editing, setEditing] = useState<{ start: string; draft: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!editing) return;
    setSaving(true);
    const result = await commit(fieldChange('description', editing.start, editing.draft, 'description'), ['description']);
    setSaving(false);
    if (result === 'saved') setEditing(null);
    else if (result === 'conflict') setEditing({ start: item.description, draft: editing.draft });
  };

  return (
    <section className="item-section" aria-labelledby="description-heading">
      <div className="section-head">
        <h2 id="description-heading" className="section-title">
          Description
        </h2>
        {!readOnly && !editing && (
          <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={() => setEditing({ start: item.description, draft: item.description })}>
            Edit description
          </Button>
        )}
      </div>
      {editing ? (
        <form className="form" onSubmit={(event) => void save(event)}>
          <TextAreaField
            label="Description (Markdown)"
            value={editing.draft}
            onChange={(event) => setEditing({ ...editing, draft: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save(event);
              if (event.key === 'Escape') {
                event.preventDefault();
                setEditing(null);
              }
            }}
            rows={10}
            autoFocus
            error={errorAt(errors, 'description')}
            hint="Markdown: **bold**, _italic_, lists, tables, [links](https://…). Ctrl+Enter saves."
          />
          <div className="form-actions">
            <Button onClick={() => setEditing(null)}>Cancel</Button>
            <Button type="submit" variant="primary" busy={saving}>
              Save description
            </Button>
          </div>
        </form>
      ) : item.description.trim() ? (
        <MarkdownText text={item.description} />
      ) : (
        <p className="section-empty">No description yet.</p>
      )}
    </section>
  );
}

type CriterionDraft = Pick<AcceptanceCriterion, 'given' | 'when' | 'then'>;

const gone = () => new EditConflict('Someone else removed that criterion while you were working on it.');

function withCriterion(latest: Item, id: string, update: (criterion: AcceptanceCriterion) => AcceptanceCriterion | null): AcceptanceCriterion[] {
  if (!latest.acceptanceCriteria.some((criterion) => criterion.id === id)) throw gone();
  return latest.acceptanceCriteria.flatMap((criterion) => {
    if (criterion.id !== id) return [criterion];
    const next = update(criterion);
    return next ? [next] : [];
  });
}

/** Acceptance criteria as an ordered Given / When / Then list: add, edit, remove, reorder, check off. */
export function CriteriaSection({ item, mayEdit, commit, errors }: Editing) {
  const readOnly = !mayEdit('acceptanceCriteria');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const criteria = item.acceptanceCriteria;
  const doneCount = criteria.filter((criterion) => criterion.done).length;
  const save = (change: ItemChange) => commit(change, ['acceptanceCriteria']);

  const [pendingDone, runToggle] = usePendingMap<boolean>();
  const toggle = (id: string, done: boolean) =>
    void runToggle(id, done, () => save((latest) => ({ acceptanceCriteria: withCriterion(latest, id, (c) => ({ ...c, done })) })));
  const remove = (id: string) => void save((latest) => ({ acceptanceCriteria: withCriterion(latest, id, () => null) }));
  const move = (id: string, delta: -1 | 1) =>
    void save((latest) => {
      const list = [...latest.acceptanceCriteria];
      const from = list.findIndex((criterion) => criterion.id === id);
      if (from < 0) throw gone();
      const to = from + delta;
      if (to < 0 || to >= list.length) return null;
      const [moved] = list.splice(from, 1);
      list.splice(to, 0, moved!);
      return { acceptanceCriteria: list };
    });

  const add = async (draft: CriterionDraft) => {
    const result = await save((latest) => ({ acceptanceCriteria: [...latest.acceptanceCriteria, { ...draft, done: false }] }));
    if (result === 'saved') setEditing(null);
    return result;
  };
  const edit = async (criterion: AcceptanceCriterion, draft: CriterionDraft) => {
    const result = await save((latest) => ({
      acceptanceCriteria: withCriterion(latest, criterion.id, (current) => {
        const start = { given: criterion.given, when: criterion.when, then: criterion.then };
        if (!sameValue({ given: current.given, when: current.when, then: current.then }, start)) {
          throw new EditConflict('Someone else changed that criterion while you were editing it. Their version is shown now; save again to replace it with yours.');
        }
        return { ...current, ...draft };
      }),
    }));
    if (result === 'saved') setEditing(null);
    return result;
  };

  const sectionError = errorAt(errors, 'acceptanceCriteria');
  return (
    <section className="item-section" aria-labelledby="criteria-heading">
      <div className="section-head">
        <h2 id="criteria-heading" className="section-title">
          Acceptance criteria
          {criteria.length > 0 && (
            <span className="section-count">
              {doneCount} of {criteria.length} done
            </span>
          )}
        </h2>
        {!readOnly && editing === null && (
          <Button size="sm" variant="ghost" icon={<PlusIcon />} onClick={() => setEditing('new')}>
            Add criterion
          </Button>
        )}
      </div>
      {sectionError && <Alert>{sectionError}</Alert>}
      {criteria.length === 0 && editing !== 'new' && <p className="section-empty">No acceptance criteria yet.{item.type === 'story' && ' A story needs at least one to be ready.'}</p>}
      {criteria.length > 0 && (
        <ol className="criteria-list" aria-label="Acceptance criteria">
          {criteria.map((criterion, index) =>
            editing === criterion.id ? (
              <li key={criterion.id} className="criterion criterion-editing">
                <CriterionForm initial={criterion} submitLabel="Save criterion" onSubmit={(draft) => edit(criterion, draft)} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={criterion.id} className={`criterion${criterion.done ? ' is-done' : ''}`}>
                <input
                  type="checkbox"
                  className="criterion-check"
                  checked={pendingDone(criterion.id) ?? criterion.done}
                  disabled={readOnly}
                  onChange={(event) => toggle(criterion.id, event.target.checked)}
                  aria-label={`Criterion ${index + 1} done`}
                />
                <div className="criterion-text">
                  {criterion.given && (
                    <p>
                      <span className="gwt">Given</span> {criterion.given}
                    </p>
                  )}
                  {criterion.when && (
                    <p>
                      <span className="gwt">When</span> {criterion.when}
                    </p>
                  )}
                  <p>
                    <span className="gwt">Then</span> {criterion.then}
                  </p>
                </div>
                {!readOnly && (
                  <div className="criterion-actions">
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Move criterion ${index + 1} up`} disabled={index === 0} onClick={() => move(criterion.id, -1)}>
                      <ArrowUpIcon />
                    </button>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Move criterion ${index + 1} down`} disabled={index === criteria.length - 1} onClick={() => move(criterion.id, 1)}>
                      <ArrowDownIcon />
                    </button>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Edit criterion ${index + 1}`} onClick={() => setEditing(criterion.id)}>
                      <EditIcon />
                    </button>
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Remove criterion ${index + 1}`} onClick={() => remove(criterion.id)}>
                      <CloseIcon />
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ol>
      )}
      {editing === 'new' && (
        <div className="criterion criterion-editing">
          <CriterionForm initial={{ given: '', when: '', then: '' }} submitLabel="Add criterion" onSubmit={add} onCancel={() => setEditing(null)} />
        </div>
      )}
    </section>
  );
}

function CriterionForm({ initial, submitLabel, onSubmit, onCancel }: { initial: CriterionDraft; submitLabel: string; onSubmit: (draft: CriterionDraft) => Promise<unknown>; onCancel: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.then.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    await onSubmit({ given: draft.given.trim(), when: draft.when.trim(), then: draft.then.trim() });
    setBusy(false);
  };
  return (
    <form
      className="criterion-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <TextField label="Given" value={draft.given} onChange={(event) => setDraft({ ...draft, given: event.target.value })} maxLength={1000} placeholder="a new workspace with no data source" autoFocus />
      <TextField label="When" value={draft.when} onChange={(event) => setDraft({ ...draft, when: event.target.value })} maxLength={1000} placeholder="the admin opens the setup checklist" />
      <TextField
        label="Then"
        value={draft.then}
        onChange={(event) => {
          setDraft({ ...draft, then: event.target.value });
          setMissing(false);
        }}
        maxLength={1000}
        placeholder="the first step is “Connect a data source”"
        error={missing ? 'A criterion needs its “then”: the outcome to check.' : undefined}
        required
      />
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** The item's children, in rank order, each a link to its own page. */
export function ChildrenSection({ workspaceId, item, statusFor }: { workspaceId: string; item: Item; statusFor: (key: string) => WorkflowStatus }) {
  const query = useChildren(item.productId, item.id);
  const children = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="item-section" aria-labelledby="children-heading">
      <h2 id="children-heading" className="section-title">
        Children
        {query.isSuccess && (
          <span className="section-count">
            {children.length}
            {query.hasNextPage ? '+' : ''}
          </span>
        )}
      </h2>
      {query.isPending ? (
        <p className="section-empty">Loading…</p>
      ) : query.isError ? (
        <Alert>Could not load the children: {messageOf(query.error)}</Alert>
      ) : children.length === 0 ? (
        <p className="section-empty">Nothing sits under this {item.type} yet. Set this item as the parent of another to list it here.</p>
      ) : (
        <ul className="child-list" aria-label="Children">
          {children.map((child) => (
            <li key={child.id}>
              <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId: child.productId, itemKey: child.key }} className="child-row">
                <TypeIcon type={child.type} />
                <span className="item-key">{child.key}</span>
                <span className="child-title">{child.title}</span>
                <StatusBadge status={statusFor(child.status)} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button size="sm" onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </section>
  );
}
