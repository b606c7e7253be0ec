import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { ITEM_TYPES, LABEL_PATTERN } from '../../../contracts/vocabulary';
import { ALLOWED_PARENTS } from '../../../domain/backlog/hierarchy';
import { EditConflict, fieldChange, sameValue } from '../../api/item-editor';
import type { CustomField, CustomFieldValue, ItemType, Member, Readiness } from '../../api/types';
import { TYPE_LABELS, TypeIcon } from '../../ui/badges';
import { CheckIcon, CloseIcon } from '../../ui/icons';
import { DraftField, errorAt, usePending, usePendingMap, type Editing } from './draft-field';
import { useItem, useItems } from './queries';

/** Whether the story is ready for a sprint, as the server judged it, and why not. */
export function ReadinessPanel({ readiness }: { readiness: Readiness }) {
  return (
    <section className={`side-card readiness ${readiness.ready ? 'readiness-ready' : 'readiness-not-ready'}`} aria-labelledby="readiness-heading" data-ready={readiness.ready}>
      <h2 id="readiness-heading" className="side-title">
        Readiness
      </h2>
      <div role="status" aria-live="polite">
        {readiness.ready ? (
          <p className="readiness-verdict">
            <CheckIcon /> Ready for a sprint
          </p>
        ) : (
          <>
            <p className="readiness-verdict">Not ready yet</p>
            <ul className="readiness-reasons" aria-label="What is missing">
              {readiness.reasons.map((reason) => (
                <li key={reason.code} data-code={reason.code}>
                  {reason.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

const TYPE_OPTIONS = ITEM_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));

const estimateText = (estimate: number | null) => (estimate === null ? '' : String(estimate));
const parseEstimate = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The facts about an item beside its text: type, estimate, assignee, dates, labels, blocked, parent. */
export function DetailsPanel({ editing, workspaceId, members }: { editing: Editing; workspaceId: string; members: Member[] | undefined }) {
  const { item, readOnly, mayEdit, commit, errors } = editing;
  const ids = { type: useId(), assignee: useId(), blocked: useId() };
  const [pendingType, runType] = usePending<ItemType>();
  const [pendingAssignee, runAssignee] = usePending<string>();
  const [pendingBlocked, runBlocked] = usePending<boolean>();
  const memberOptions = useMemo(() => {
    const list = (members ?? []).map((member) => ({ value: member.userId, label: member.name }));
    // Someone who left the workspace still shows as the assignee until changed.
    if (item.assigneeId && !list.some((option) => option.value === item.assigneeId)) list.push({ value: item.assigneeId, label: 'Former member' });
    return list;
  }, [members, item.assigneeId]);

  return (
    <section className="side-card" aria-labelledby="details-heading">
      <h2 id="details-heading" className="side-title">
        Details
      </h2>
      <div className="details-grid">
        <div className={`field${errorAt(errors, 'type') ? ' field-invalid' : ''}`}>
          <label htmlFor={ids.type} className="field-label">
            Type
          </label>
          <select
            id={ids.type}
            className="input select"
            value={pendingType ?? item.type}
            disabled={readOnly}
            onChange={(event) => {
              const type = event.target.value as ItemType;
              void runType(type, () => commit(() => ({ type }), ['type', 'parentId']));
            }}
          >
            {TYPE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {errorAt(errors, 'type') && <p className="field-error">{errorAt(errors, 'type')}</p>}
        </div>
        <DraftField
          label="Estimate (points)"
          type="number"
          value={estimateText(item.estimate)}
          onSave={(start, next) => commit(fieldChange('estimate', parseEstimate(start), parseEstimate(next), 'estimate'), ['estimate'])}
          validate={(next) => {
            const value = parseEstimate(next);
            return value !== null && (!Number.isFinite(value) || value < 0 || value > 1000) ? 'An estimate is a number of points from 0 to 1000.' : null;
          }}
          disabled={!mayEdit('estimate')}
          error={errorAt(errors, 'estimate')}
          placeholder="Not estimated"
          inputProps={{ min: 0, max: 1000, step: 'any', inputMode: 'decimal' }}
        />
        <div className={`field${errorAt(errors, 'assigneeId') ? ' field-invalid' : ''}`}>
          <label htmlFor={ids.assignee} className="field-label">
            Assignee
          </label>
          <select
            id={ids.assignee}
            className="input select"
            value={pendingAssignee ?? item.assigneeId ?? ''}
            disabled={readOnly}
            aria-invalid={errorAt(errors, 'assigneeId') ? true : undefined}
            aria-describedby={errorAt(errors, 'assigneeId') ? `${ids.assignee}-error` : undefined}
            onChange={(event) => {
              const assigneeId = event.target.value;
              void runAssignee(assigneeId, () => commit(() => ({ assigneeId: assigneeId || null }), ['assigneeId']));
            }}
          >
            <option value="">Unassigned</option>
            {memberOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {errorAt(errors, 'assigneeId') && (
            <p id={`${ids.assignee}-error`} className="field-error">
              {errorAt(errors, 'assigneeId')}
            </p>
          )}
        </div>
        <DraftField
          label="Due date"
          type="date"
          value={item.dueDate ?? ''}
          onSave={(start, next) => commit(fieldChange('dueDate', start || null, next || null, 'due date'), ['dueDate'])}
          disabled={readOnly}
          error={errorAt(errors, 'dueDate')}
        />
      </div>
      <LabelsField editing={editing} />
      <div className="blocked-field">
        <label className="inline-check" htmlFor={ids.blocked}>
          <input
            id={ids.blocked}
            type="checkbox"
            checked={pendingBlocked ?? item.blocked}
            disabled={!mayEdit('blocked')}
            onChange={(event) => {
              const blocked = event.target.checked;
              void runBlocked(blocked, () => commit(() => ({ blocked }), ['blocked', 'blockedReason']));
            }}
          />
          Blocked
        </label>
        {((pendingBlocked ?? item.blocked) || item.blockedReason) && (
          <DraftField
            label="Blocked because"
            value={item.blockedReason}
            onSave={(start, next) => commit(fieldChange('blockedReason', start, next.trim(), 'blocked reason'), ['blockedReason'])}
            disabled={!mayEdit('blockedReason')}
            error={errorAt(errors, 'blockedReason')}
            placeholder="Waiting on the security review"
            maxLength={500}
          />
        )}
      </div>
      <ParentField editing={editing} workspaceId={workspaceId} />
    </section>
  );
}

/** Labels as chips: Enter or a comma adds one, × removes it; each change saves. */
function LabelsField({ editing }: { editing: Editing }) {
  const { item, readOnly, commit, errors } = editing;
  const id = useId();
  const [draft, setDraft] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const add = async () => {
    const label = draft.trim().replace(/,$/, '').toLowerCase();
    if (!label) return;
    if (label.length > 40 || !LABEL_PATTERN.test(label)) {
      setLocalError('A label is letters, digits, and . _ / - (no spaces), starting with a letter or digit.');
      return;
    }
    setLocalError(null);
    const result = await commit((latest) => (latest.labels.includes(label) ? null : { labels: [...latest.labels, label] }), ['labels']);
    if (result === 'saved') setDraft('');
  };
  const remove = (label: string) => void commit((latest) => ({ labels: latest.labels.filter((existing) => existing !== label) }), ['labels']);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      void add();
    } else if (event.key === 'Backspace' && draft === '' && item.labels.length > 0) {
      remove(item.labels.at(-1)!);
    }
  };
  const error = localError ?? errorAt(errors, 'labels');

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        Labels
      </label>
      {item.labels.length > 0 && (
        <ul className="label-list" aria-label="Labels">
          {item.labels.map((label) => (
            <li key={label} className="label-chip">
              {label}
              {!readOnly && (
                <button type="button" className="label-remove" aria-label={`Remove label ${label}`} onClick={() => remove(label)}>
                  <CloseIcon width={12} height={12} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <input
          id={id}
          className="input"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setLocalError(null);
          }}
          onKeyDown={onKeyDown}
          placeholder="Add a label, then Enter"
          maxLength={40}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      )}
      {readOnly && item.labels.length === 0 && <p className="section-empty">No labels</p>}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const article = (type: ItemType) => (type === 'epic' ? 'an epic' : `a ${type}`);

/**
 * The parent link and a picker limited to the types this item may sit under
 * (feature → epic; story → feature or epic; task → story; bug → story, feature
 * or epic; an epic has none). Candidates come from the loaded backlog.
 */
function ParentField({ editing, workspaceId }: { editing: Editing; workspaceId: string }) {
  const { item, readOnly, commit, errors } = editing;
  const id = useId();
  const allowed = ALLOWED_PARENTS[item.type];
  const parent = useItem(item.parentId);
  const backlog = useItems(item.productId);
  const candidates = useMemo(
    () => (backlog.data?.pages.flatMap((page) => page.items) ?? []).filter((candidate) => candidate.id !== item.id && allowed.includes(candidate.type)),
    [backlog.data, item.id, allowed],
  );
  const options = useMemo(() => {
    const list = candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.key} · ${candidate.title}` }));
    if (item.parentId && !list.some((option) => option.value === item.parentId)) {
      list.unshift({ value: item.parentId, label: parent.data ? `${parent.data.key} · ${parent.data.title}` : 'Current parent' });
    }
    return list;
  }, [candidates, item.parentId, parent.data]);
  const error = errorAt(errors, 'parentId');
  const [pendingParent, runParent] = usePending<string>();

  return (
    <div className={`field parent-field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={`${id}-label`}>
        Parent
      </span>
      {item.parentId ? (
        parent.data ? (
          <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId: parent.data.productId, itemKey: parent.data.key }} className="parent-link">
            <TypeIcon type={parent.data.type} />
            <span className="item-key">{parent.data.key}</span>
            <span className="parent-title">{parent.data.title}</span>
          </Link>
        ) : (
          <p className="section-empty">{parent.isError ? 'The parent is not available.' : 'Loading…'}</p>
        )
      ) : (
        <p className="section-empty">{allowed.length === 0 ? 'An epic sits at the top; it has no parent.' : 'None'}</p>
      )}
      {!readOnly && allowed.length > 0 && (
        <>
          <label htmlFor={id} className="visually-hidden">
            Change parent
          </label>
          <select
            id={id}
            className="input select"
            value={pendingParent ?? item.parentId ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => {
              const parentId = event.target.value;
              void runParent(parentId, () => commit(() => ({ parentId: parentId || null }), ['parentId']));
            }}
          >
            <option value="">No parent</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {error ? (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="field-hint">
              {TYPE_LABELS[item.type]} goes under {allowed.map(article).join(' or ')}.
              {backlog.hasNextPage && (
                <>
                  {' '}
                  <button type="button" className="link-btn" onClick={() => void backlog.fetchNextPage()}>
                    Load more candidates
                  </button>
                </>
              )}
            </p>
          )}
        </>
      )}
    </div>
  );
}

const valueText = (value: CustomFieldValue | undefined): string => (value === undefined || Array.isArray(value) ? '' : String(value));

/** The product's custom fields, each edited by its kind. */
export function CustomFieldsPanel({ editing, fields }: { editing: Editing; fields: CustomField[] }) {
  if (fields.length === 0) return null;
  return (
    <section className="side-card" aria-labelledby="custom-fields-heading">
      <h2 id="custom-fields-heading" className="side-title">
        Custom fields
      </h2>
      <div className="details-grid">
        {fields.map((field) => (
          <CustomFieldInput key={field.id} field={field} editing={editing} />
        ))}
      </div>
    </section>
  );
}

function CustomFieldInput({ field, editing }: { field: CustomField; editing: Editing }) {
  const { item, readOnly, commit, errors } = editing;
  const id = useId();
  const path = `customFields.${field.id}`;
  const error = errorAt(errors, path);
  const value = item.customFields[field.id];
  const [pendingChoice, runChoice] = usePending<string>();
  const [pendingOption, runOption] = usePendingMap<boolean>();
  const setValue = (next: CustomFieldValue | null) => commit(() => ({ customFields: { [field.id]: next } }), [path]);
  const fromDraft = (start: string, next: string) =>
    commit((latest) => {
      const current = latest.customFields[field.id];
      const startValue = start === '' ? undefined : field.kind === 'number' ? Number(start) : start;
      if (!sameValue(current ?? null, startValue ?? null)) {
        throw new EditConflict(`Someone else changed ${field.name} while you were editing it. Their value is shown now; save again to replace it with yours.`);
      }
      const nextValue = next.trim() === '' ? null : field.kind === 'number' ? Number(next) : next.trim();
      return sameValue(current ?? null, nextValue) ? null : { customFields: { [field.id]: nextValue } };
    }, [path]);

  switch (field.kind) {
    case 'text':
    case 'number':
    case 'date':
      return (
        <DraftField
          label={field.name}
          type={field.kind}
          value={valueText(value)}
          onSave={fromDraft}
          validate={(next) => (field.kind === 'number' && next.trim() !== '' && !Number.isFinite(Number(next)) ? 'Enter a number.' : null)}
          disabled={readOnly}
          error={error}
          inputProps={field.kind === 'number' ? { step: 'any' } : undefined}
        />
      );
    case 'single_select':
      return (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={id} className="field-label">
            {field.name}
          </label>
          <select
            id={id}
            className="input select"
            value={pendingChoice ?? (typeof value === 'string' ? value : '')}
            disabled={readOnly}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              const choice = event.target.value;
              void runChoice(choice, () => setValue(choice || null));
            }}
          >
            <option value="">—</option>
            {field.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
      );
    case 'multi_select': {
      const chosen = Array.isArray(value) ? value : [];
      const toggle = (option: string, on: boolean) =>
        void runOption(option, on, () => commit((latest) => {
          const current = latest.customFields[field.id];
          const list = Array.isArray(current) ? current : [];
          const next = on ? [...list.filter((entry) => entry !== option), option] : list.filter((entry) => entry !== option);
          // Options keep the field's own order.
          const ordered = field.options.filter((entry) => next.includes(entry));
          return { customFields: { [field.id]: ordered.length > 0 ? ordered : null } };
        }, [path]));
      return (
        <fieldset className={`field multi-field${error ? ' field-invalid' : ''}`} disabled={readOnly}>
          <legend className="field-label">{field.name}</legend>
          {field.options.length === 0 && <p className="section-empty">No options defined yet.</p>}
          {field.options.map((option) => (
            <label key={option} className="inline-check">
              <input type="checkbox" checked={pendingOption(option) ?? chosen.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
              {option}
            </label>
          ))}
          {error && <p className="field-error">{error}</p>}
        </fieldset>
      );
    }
  }
}
