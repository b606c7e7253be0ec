import { useId, useState, type FormEvent } from 'react';
import { SCORED_FRAMEWORKS } from '../../../contracts/vocabulary';
import type { ScoredFramework } from '../../../contracts/prioritization.schema';
import { ApiError, messageOf, request } from '../../api/client';
import type { Item, Member, WorkflowStatus } from '../../api/types';
import { Button } from '../../ui/button';
import { CloseIcon } from '../../ui/icons';
import { useToast } from '../../ui/toast';
import { FRAMEWORK_LABELS } from '../prioritization/frameworks';
import { parseLabels, runBulk, type BulkChange, type BulkFailure, type BulkProgress } from './bulk-runner';
import { fetchItem, useApplyScoreOrder, usePatchItem } from './queries';

type Action = 'status' | 'labels' | 'assignee' | 'parent' | 'score_order';

const ACTION_LABELS: Record<Action, string> = {
  status: 'Set status',
  labels: 'Add labels',
  assignee: 'Set assignee',
  parent: 'Set parent',
  score_order: 'Apply score order',
};

export interface BulkBarProps {
  productId: string;
  selected: Item[];
  workflow: readonly WorkflowStatus[];
  members: readonly Member[];
  canEdit: boolean;
  canRank: boolean;
  onClear: () => void;
  /** After a run: the list refreshes what a filter may no longer match. */
  onFinished: () => void;
}

/**
 * What to do with the selected rows. Field changes are sent one PATCH at a
 * time with each item's version, with progress shown and failures listed;
 * the score order is one request that re-ranks the selection among itself.
 */
export function BulkBar({ productId, selected, workflow, members, canEdit, canRank, onClear, onFinished }: BulkBarProps) {
  const actions = (Object.keys(ACTION_LABELS) as Action[]).filter((action) => (action === 'score_order' ? canRank : canEdit));
  const [action, setAction] = useState<Action>(actions[0] ?? 'labels');
  const [status, setStatus] = useState(workflow[0]?.key ?? '');
  const [labels, setLabels] = useState('');
  const [assignee, setAssignee] = useState('');
  const [parentKey, setParentKey] = useState('');
  const [framework, setFramework] = useState<ScoredFramework>('rice');
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [failures, setFailures] = useState<BulkFailure[]>([]);
  const [error, setError] = useState<string | null>(null);
  const patch = usePatchItem(productId);
  const applyOrder = useApplyScoreOrder(productId);
  const toast = useToast();
  const ids = { action: useId(), value: useId() };
  const running = progress !== null && progress.done < progress.total;

  const changeOf = async (): Promise<BulkChange | null> => {
    switch (action) {
      case 'status':
        return { kind: 'status', status };
      case 'labels': {
        const add = parseLabels(labels);
        if (add.length === 0) {
          setError('Type at least one label.');
          return null;
        }
        return { kind: 'labels', add };
      }
      case 'assignee':
        return { kind: 'assignee', assigneeId: assignee || null };
      case 'parent': {
        const key = parentKey.trim().toUpperCase();
        if (!key) return { kind: 'parent', parentId: null };
        try {
          const parent = await request<Item>(`/items/${encodeURIComponent(key)}`);
          return { kind: 'parent', parentId: parent.id };
        } catch (failure) {
          setError(failure instanceof ApiError && failure.status === 404 ? `There is no item ${key}.` : messageOf(failure));
          return null;
        }
      }
      case 'score_order':
        return null;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFailures([]);
    if (action === 'score_order') {
      if (selected.length < 2) {
        setError('Select at least two items to put in score order.');
        return;
      }
      applyOrder.mutate(
        { framework, itemIds: selected.map((item) => item.id) },
        {
          onSuccess: () => toast({ message: `${selected.length} items put in ${FRAMEWORK_LABELS[framework]} order`, tone: 'success' }),
          onError: (failure) => setError(messageOf(failure)),
        },
      );
      return;
    }
    const change = await changeOf();
    if (!change) return;
    const outcome = await runBulk(selected, change, { send: patch.send, fetchItem, onSaved: patch.onSaved, onProgress: setProgress });
    setFailures(outcome.failed);
    onFinished();
    const done = outcome.changed.length + outcome.unchanged.length;
    if (outcome.failed.length === 0) toast({ message: `${done} ${done === 1 ? 'item' : 'items'} updated`, tone: 'success' });
  };

  const valueControl = () => {
    switch (action) {
      case 'status':
        return (
          <select id={ids.value} className="input select select-sm" value={status} onChange={(event) => setStatus(event.target.value)}>
            {workflow.map((option) => (
              <option key={option.key} value={option.key}>
                {option.name}
              </option>
            ))}
          </select>
        );
      case 'labels':
        return <input id={ids.value} className="input input-sm" value={labels} placeholder="q3, launch" onChange={(event) => setLabels(event.target.value)} />;
      case 'assignee':
        return (
          <select id={ids.value} className="input select select-sm" value={assignee} onChange={(event) => setAssignee(event.target.value)}>
            <option value="">Nobody</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        );
      case 'parent':
        return <input id={ids.value} className="input input-sm" value={parentKey} placeholder="Item key, e.g. DEMO-1; empty for none" onChange={(event) => setParentKey(event.target.value)} />;
      case 'score_order':
        return (
          <select id={ids.value} className="input select select-sm" value={framework} onChange={(event) => setFramework(event.target.value as ScoredFramework)}>
            {SCORED_FRAMEWORKS.map((option) => (
              <option key={option} value={option}>
                {FRAMEWORK_LABELS[option]}
              </option>
            ))}
          </select>
        );
    }
  };

  const valueLabel = { status: 'New status', labels: 'Labels to add', assignee: 'New assignee', parent: 'New parent', score_order: 'Framework' }[action];

  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <p className="bulk-count" role="status" aria-live="polite">
        {selected.length} selected
      </p>
      <form className="bulk-form" onSubmit={(event) => void submit(event)}>
        <label className="visually-hidden" htmlFor={ids.action}>
          Bulk action
        </label>
        <select id={ids.action} className="input select select-sm" value={action} onChange={(event) => { setAction(event.target.value as Action); setError(null); }}>
          {actions.map((option) => (
            <option key={option} value={option}>
              {ACTION_LABELS[option]}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={ids.value}>
          {valueLabel}
        </label>
        {valueControl()}
        <Button type="submit" size="sm" variant="primary" busy={running || applyOrder.isPending}>
          Apply to {selected.length}
        </Button>
      </form>
      {progress && (
        <div className="bulk-progress">
          <progress max={progress.total} value={progress.done} aria-label="Bulk update progress" />
          <span role="status">
            {progress.done} of {progress.total} done
          </span>
        </div>
      )}
      <button type="button" className="icon-btn icon-btn-sm bulk-clear" aria-label="Clear the selection" onClick={onClear}>
        <CloseIcon />
      </button>
      {error && (
        <p className="bulk-error" role="alert">
          {error}
        </p>
      )}
      {failures.length > 0 && (
        <div className="bulk-failures" role="alert">
          <p>
            {failures.length} {failures.length === 1 ? 'item was' : 'items were'} not changed:
          </p>
          <ul>
            {failures.map((failure) => (
              <li key={failure.item.id}>
                <strong>{failure.item.key}</strong> {failure.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
