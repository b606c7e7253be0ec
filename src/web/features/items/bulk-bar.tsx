import { useId, useMemo, useState, type FormEvent } from 'react';
import { SCORED_FRAMEWORKS } from '../../../contracts/vocabulary';
import type { ScoredFramework } from '../../../contracts/prioritization.schema';
import { isAllowed } from '../../../domain/access/permissions';
import { ApiError, messageOf, request } from '../../api/client';
import type { Item, Member, Role, WorkflowStatus } from '../../api/types';
import { Button } from '../../ui/button';
import { CloseIcon } from '../../ui/icons';
import { useToast } from '../../ui/toast';
import { FRAMEWORK_LABELS } from '../prioritization/frameworks';
import { useSprints } from '../sprints/queries';
import { formatPlanDate } from '../sprints/sprint-model';
import { parseLabels, runBulk, runSprintBulk, sprintChoices, type BulkChange, type BulkFailure, type BulkOutcome, type BulkProgress, type SprintChoice } from './bulk-runner';
import { fetchItem, useApplyScoreOrder, usePatchItem, useSprintWrites } from './queries';

type Action = 'status' | 'labels' | 'assignee' | 'parent' | 'sprint' | 'score_order';

const ACTION_LABELS: Record<Action, string> = {
  status: 'Set status',
  labels: 'Add labels',
  assignee: 'Set assignee',
  parent: 'Set parent',
  sprint: 'Set sprint',
  score_order: 'Apply score order',
};

/** The sprint select's value for "out of any sprint". */
const NO_SPRINT = 'none';

/** A sprint as the select lists it: its state or start, and why not when it may not be chosen. */
function sprintOptionLabel({ sprint, allowed }: SprintChoice): string {
  const when = sprint.state === 'active' ? 'running' : `starts ${formatPlanDate(sprint.startDate)}`;
  if (allowed) return `${sprint.name} (${when})`;
  return `${sprint.name} (${when}; ${sprint.state === 'active' ? 'only the PO or an owner' : 'not yours to plan'})`;
}

export interface BulkBarProps {
  productId: string;
  selected: Item[];
  workflow: readonly WorkflowStatus[];
  members: readonly Member[];
  /** The viewer's roles here: planning into a sprint depends on the sprint's state as well. */
  roles: readonly Role[];
  canEdit: boolean;
  canRank: boolean;
  onClear: () => void;
  /** After a run: the list refreshes what a filter may no longer match. */
  onFinished: () => void;
}

/**
 * What to do with the selected rows. Field changes are sent one PATCH at a
 * time with each item's version, with progress shown and failures listed;
 * a sprint change is one commit or removal per item, under the sprint's own
 * rules; the score order is one request that re-ranks the selection among itself.
 */
export function BulkBar({ productId, selected, workflow, members, roles, canEdit, canRank, onClear, onFinished }: BulkBarProps) {
  const canPlan = isAllowed(roles, 'sprint.plan');
  const actions = (Object.keys(ACTION_LABELS) as Action[]).filter((action) => (action === 'score_order' ? canRank : action === 'sprint' ? canPlan : canEdit));
  const [action, setAction] = useState<Action>(actions[0] ?? 'labels');
  const [status, setStatus] = useState(workflow[0]?.key ?? '');
  const [labels, setLabels] = useState('');
  const [assignee, setAssignee] = useState('');
  const [parentKey, setParentKey] = useState('');
  const [framework, setFramework] = useState<ScoredFramework>('rice');
  const sprints = useSprints(productId);
  const choices = useMemo(() => sprintChoices(sprints.data ?? [], roles), [sprints.data, roles]);
  // Until one is picked, the first sprint this person may plan into (usually the next one), else no sprint.
  const [sprintPick, setSprintPick] = useState<string | null>(null);
  const sprintValue = sprintPick ?? choices.find((choice) => choice.allowed)?.sprint.id ?? NO_SPRINT;
  const sprintWrites = useSprintWrites(productId);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [failures, setFailures] = useState<BulkFailure[]>([]);
  const [error, setError] = useState<string | null>(null);
  const patch = usePatchItem(productId);
  const applyOrder = useApplyScoreOrder(productId);
  const toast = useToast();
  const ids = { action: useId(), value: useId(), note: useId() };
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
      case 'sprint':
      case 'score_order':
        // Not field changes: each has its own run below.
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
    if (action === 'sprint') {
      await planSprint();
      return;
    }
    const change = await changeOf();
    if (!change) return;
    const outcome = await runBulk(selected, change, { send: patch.send, fetchItem, onSaved: patch.onSaved, onProgress: setProgress });
    finish(outcome, 'updated');
  };

  const finish = (outcome: BulkOutcome, verb: string) => {
    setFailures(outcome.failed);
    onFinished();
    const done = outcome.changed.length + outcome.unchanged.length;
    if (outcome.failed.length === 0) toast({ message: `${done} ${done === 1 ? 'item' : 'items'} ${verb}`, tone: 'success' });
  };

  const planSprint = async () => {
    const choice = choices.find((candidate) => candidate.sprint.id === sprintValue) ?? null;
    if (sprintValue !== NO_SPRINT && !choice) {
      setError('That sprint is no longer open; choose another.');
      return;
    }
    if (choice && !choice.allowed) {
      setError(choice.reason);
      return;
    }
    const known = new Map((sprints.data ?? []).map((sprint) => [sprint.id, sprint]));
    const outcome = await runSprintBulk(selected, choice?.sprint ?? null, {
      commit: sprintWrites.commit,
      remove: sprintWrites.remove,
      fetchItem,
      sprintOf: (id) => known.get(id),
      roles,
      onSaved: sprintWrites.onSaved,
      onProgress: setProgress,
    });
    sprintWrites.afterRun();
    finish(outcome, choice ? `in ${choice.sprint.name}` : 'out of any sprint');
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
      case 'sprint':
        return (
          <select
            id={ids.value}
            className="input select select-sm"
            value={sprints.isPending ? '' : sprintValue}
            disabled={sprints.isPending}
            aria-describedby={sprintNote ? ids.note : undefined}
            onChange={(event) => setSprintPick(event.target.value)}
          >
            {sprints.isPending && <option value="">Loading sprints…</option>}
            {choices.map((choice) => (
              <option key={choice.sprint.id} value={choice.sprint.id} disabled={!choice.allowed}>
                {sprintOptionLabel(choice)}
              </option>
            ))}
            <option value={NO_SPRINT}>No sprint</option>
          </select>
        );
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

  const valueLabel = { status: 'New status', labels: 'Labels to add', assignee: 'New assignee', parent: 'New parent', sprint: 'Sprint', score_order: 'Framework' }[action];

  // Said beside the sprint select: why a sprint is greyed out, or why there is none to pick.
  const sprintNote = (() => {
    if (action !== 'sprint') return null;
    if (sprints.isError) return `Could not load the sprints: ${messageOf(sprints.error)}`;
    if (sprints.isSuccess && choices.length === 0) return 'No sprint is planned or running; plan one on the Sprints page.';
    return choices.flatMap((choice) => (choice.reason ? [choice.reason] : [])).join(' ') || null;
  })();

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
      {sprintNote && (
        <p id={ids.note} className="bulk-note">
          {sprintNote}
        </p>
      )}
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
