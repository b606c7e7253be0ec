import { useId, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { messageOf } from '../../api/client';
import type { Item, WorkflowStatus } from '../../api/types';
import { StatusBadge, TypeIcon } from '../../ui/badges';
import { Button } from '../../ui/button';
import { useChildren } from '../items/queries';
import { formatPoints } from '../sprints/sprint-model';
import { percentOf, type Traceability } from './strategy-model';
import { InitiativeStatusBadge, Meter } from './strategy-parts';
import { nodeId, rollupText, rollupValueText, type GoalNode, type InitiativeNode, type Rollup, type TracedItem } from './trace-model';

export interface TreeState {
  /** Goal and initiative nodes the user closed (they are open otherwise). */
  collapsed: ReadonlySet<string>;
  /** Item nodes the user opened (they are closed otherwise: opening one loads its children). */
  opened: ReadonlySet<string>;
  toggle: (id: string, level: 'branch' | 'item') => void;
}

interface TreeContext {
  workspaceId: string;
  productId: string;
  state: TreeState;
  statusFor: (key: string) => WorkflowStatus;
}

/** Types other items may sit under, so their node can open. */
const HAS_CHILDREN = new Set(['epic', 'feature', 'story']);
/** Below an aligned item, the tree goes this many levels down (epic → feature → story → task). */
const MAX_DEPTH = 3;

/** The traceability tree: goal → initiative → aligned epic or feature → the work below, each level with its delivery. */
export function TraceTree({ tree, ...context }: TreeContext & { tree: Traceability }) {
  return (
    <ul className="trace-tree" aria-label="Goals and the work that serves them">
      {tree.goals.map((entry) => (
        <GoalBranch key={entry.goal.id} entry={entry} context={context} />
      ))}
    </ul>
  );
}

/** A node's open/close button: named by what it holds, its state in aria-expanded. */
function Toggle({ open, label, controls, onToggle }: { open: boolean; label: string; controls: string; onToggle: () => void }) {
  return (
    <button type="button" className="trace-toggle" aria-expanded={open} aria-controls={open ? controls : undefined} aria-label={label} onClick={onToggle}>
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" className="trace-chevron">
        <path d="M4.5 2.5 8 6l-3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}

function RollupCell({ rollup, label }: { rollup: Rollup; label: string }) {
  return (
    <div className="trace-rollup">
      <Meter value={rollup.progress} label={label} valueText={rollupValueText(rollup)} tone={rollup.items === 0 ? 'muted' : rollup.progress >= 1 ? 'success' : 'accent'} size="sm" />
      <span className="trace-rollup-text">{rollupText(rollup)}</span>
    </div>
  );
}

function GoalBranch({ entry, context }: { entry: GoalNode; context: TreeContext }) {
  const { goal, rollup, initiatives } = entry;
  const id = nodeId.goal(goal.id);
  const listId = useId();
  const open = !context.state.collapsed.has(id);
  return (
    <li className="trace-node trace-goal">
      <div className="trace-row">
        <Toggle open={open} label={`Goal “${goal.title}”`} controls={listId} onToggle={() => context.state.toggle(id, 'branch')} />
        <div className="trace-name">
          <span className="trace-kind">Goal</span>
          <Link to="/w/$workspaceId/p/$productId/strategy" params={{ workspaceId: context.workspaceId, productId: context.productId }} hash={`goal-${goal.id}`} className="trace-title">
            {goal.title}
          </Link>
          <span className="trace-outcome" title="The mean progress of its key results">
            Key results {goal.keyResults.length === 0 ? 'not set' : `${percentOf(goal.progress)}%`}
          </span>
        </div>
        <RollupCell rollup={rollup} label={`Delivery for “${goal.title}”`} />
      </div>
      {open && (
        <div id={listId} className="trace-children">
          {initiatives.length === 0 ? (
            <p className="trace-empty">No initiative serves this goal yet.</p>
          ) : (
            <ul className="trace-list" aria-label={`Initiatives serving “${goal.title}”`}>
              {initiatives.map((child) => (
                <InitiativeBranch key={child.initiative.id} goalId={goal.id} entry={child} context={context} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

function InitiativeBranch({ goalId, entry, context }: { goalId: string; entry: InitiativeNode; context: TreeContext }) {
  const { initiative, rollup, items } = entry;
  const id = nodeId.initiative(goalId, initiative.id);
  const listId = useId();
  const open = !context.state.collapsed.has(id);
  return (
    <li className="trace-node trace-initiative">
      <div className="trace-row">
        <Toggle open={open} label={`Initiative “${initiative.title}”`} controls={listId} onToggle={() => context.state.toggle(id, 'branch')} />
        <div className="trace-name">
          <span className="trace-kind">Initiative</span>
          <Link to="/w/$workspaceId/p/$productId/strategy" params={{ workspaceId: context.workspaceId, productId: context.productId }} hash={`initiative-${initiative.id}`} className="trace-title">
            {initiative.title}
          </Link>
          <InitiativeStatusBadge status={initiative.status} />
        </div>
        <RollupCell rollup={rollup} label={`Delivery of “${initiative.title}”`} />
      </div>
      {open && (
        <div id={listId} className="trace-children">
          {items.length === 0 ? (
            <p className="trace-empty">No epic or feature is aligned to it yet: align one from its page, or from the orphans below.</p>
          ) : (
            <ul className="trace-list" aria-label={`Work aligned to “${initiative.title}”`}>
              {items.map((item) => (
                <ItemBranch key={item.id} parent={id} item={item} rollup={item.rollup} depth={0} context={context} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

function ItemLink({ item, context }: { item: Pick<TracedItem, 'key' | 'title' | 'type'>; context: TreeContext }) {
  return (
    <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId: context.workspaceId, productId: context.productId, itemKey: item.key }} className="trace-item-link">
      <TypeIcon type={item.type} />
      <span className="item-key">{item.key}</span>
      <span className="trace-item-title">{item.title}</span>
    </Link>
  );
}

/** An item in the tree: an aligned epic or feature with its rollup, or the work below one with its status and estimate. */
function ItemBranch({ parent, item, rollup, depth, context }: { parent: string; item: TracedItem | Item; rollup?: Rollup; depth: number; context: TreeContext }) {
  const id = nodeId.item(parent, item.id);
  const listId = useId();
  const canOpen = HAS_CHILDREN.has(item.type) && depth < MAX_DEPTH;
  const open = canOpen && context.state.opened.has(id);
  let detail: ReactNode;
  if (rollup) detail = <RollupCell rollup={rollup} label={`Delivery of ${item.key}`} />;
  else {
    const estimate = 'estimate' in item ? item.estimate : null;
    detail = <span className="trace-estimate">{estimate === null ? 'Unestimated' : formatPoints(estimate)}</span>;
  }
  return (
    <li className="trace-node trace-item">
      <div className="trace-row">
        {canOpen ? <Toggle open={open} label={`${item.key} ${item.title}`} controls={listId} onToggle={() => context.state.toggle(id, 'item')} /> : <span className="trace-toggle-space" aria-hidden="true" />}
        <div className="trace-name">
          <ItemLink item={item} context={context} />
          <StatusBadge status={context.statusFor(item.status)} compact={!rollup} />
        </div>
        {detail}
      </div>
      {open && (
        <div id={listId} className="trace-children">
          <ItemChildren parent={id} item={item} depth={depth + 1} context={context} />
        </div>
      )}
    </li>
  );
}

function ItemChildren({ parent, item, depth, context }: { parent: string; item: TracedItem | Item; depth: number; context: TreeContext }) {
  const query = useChildren(context.productId, item.id);
  const children = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (query.isPending) return <p className="trace-empty">Loading…</p>;
  if (query.isError) return <p className="trace-empty field-error">Could not load the work under {item.key}: {messageOf(query.error)}</p>;
  if (children.length === 0) return <p className="trace-empty">Nothing sits under {item.key} yet.</p>;
  return (
    <>
      <ul className="trace-list" aria-label={`Work under ${item.key}`}>
        {children.map((child) => (
          <ItemBranch key={child.id} parent={parent} item={child} depth={depth} context={context} />
        ))}
      </ul>
      {query.hasNextPage && (
        <Button size="sm" variant="ghost" onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>
          Show more under {item.key}
        </Button>
      )}
    </>
  );
}
