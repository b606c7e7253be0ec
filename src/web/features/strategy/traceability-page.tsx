import { useCallback, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { statusMap } from '../workflow/workflow';
import { OrphansSection } from './orphans-section';
import { useInitiatives, useTraceability } from './queries';
import { StrategyIcon } from './strategy-icons';
import { TraceTree, type TreeState } from './trace-tree';
import { branchIds, orphanSummary, resolveOrphans } from './trace-model';
import './strategy.css';

/**
 * `/w/:workspaceId/p/:productId/traceability`: goal → initiative → epic and
 * feature → the work below, with delivery rolled up by points at each level,
 * and what serves nothing or is served by nothing.
 */
export function TraceabilityPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canWrite = isAllowed(roles, 'strategy.update');
  const canAlign = isAllowed(roles, 'item.align');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const statusFor = useMemo(() => statusMap(product?.workflow), [product?.workflow]);
  const trace = useTraceability(productId);
  const initiatives = useInitiatives(productId);

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string, level: 'branch' | 'item') => {
    const flip = (current: ReadonlySet<string>) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    };
    if (level === 'branch') setCollapsed(flip);
    else setOpened(flip);
  }, []);
  const state: TreeState = { collapsed, opened, toggle };

  const tree = trace.data;
  const goals = useMemo(() => tree?.goals.map((entry) => entry.goal) ?? [], [tree]);
  const orphans = useMemo(() => (tree ? resolveOrphans(tree.orphans, goals, initiatives.data ?? []) : null), [tree, goals, initiatives.data]);
  const strategyLink = (
    <Link to="/w/$workspaceId/p/$productId/strategy" params={{ workspaceId, productId }} className="btn btn-secondary">
      <StrategyIcon />
      Strategy
    </Link>
  );

  let body;
  if (trace.isPending) body = <LoadingState label="Tracing goals to work…" />;
  else if (trace.isError && !tree) {
    body = <ErrorState title="Could not load the traceability tree" message={messageOf(trace.error)} action={<Button onClick={() => void trace.refetch()}>Try again</Button>} />;
  } else if (tree && tree.goals.length === 0 && orphanSummary(tree.orphans).clean) {
    body = (
      <EmptyState title="Nothing to trace yet" action={strategyLink}>
        Traceability links each goal to the initiatives that serve it and to the epics and features aligned to those, with how much of the work is done. Set a goal and
        an initiative on the strategy page, then align epics and features to it.
      </EmptyState>
    );
  } else if (tree && orphans) {
    const summary = orphanSummary(tree.orphans);
    body = (
      <>
        {trace.isError && (
          <p className="field-error" role="alert">
            Could not refresh the tree: {messageOf(trace.error)}
          </p>
        )}
        {!summary.clean && (
          <p className="trace-flag">
            <span className="trace-flag-dot" aria-hidden="true" />
            <span>
              {summary.text}. <a href="#orphans-heading">See what the chain misses</a>
            </span>
          </p>
        )}
        <section className="strategy-section" aria-labelledby="tree-heading">
          <div className="section-head">
            <h2 id="tree-heading" className="section-title">
              Goals and the work that serves them
            </h2>
            {tree.goals.length > 0 && (
              <div className="trace-tools">
                <Button size="sm" variant="ghost" onClick={() => setCollapsed(new Set())}>
                  Expand all
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setCollapsed(new Set(branchIds(tree)));
                    setOpened(new Set());
                  }}
                >
                  Collapse all
                </Button>
              </div>
            )}
          </div>
          {tree.goals.length === 0 ? (
            <p className="section-empty">No goals yet: set one on the strategy page, and the work serving it will show here.</p>
          ) : (
            <TraceTree tree={tree} workspaceId={workspaceId} productId={productId} state={state} statusFor={statusFor} />
          )}
          <p className="strategy-note">Delivery counts the points of the stories, tasks and bugs below each level, canceled work left out; work reached through more than one aligned epic or feature counts once at each level.</p>
        </section>
        <OrphansSection
          workspaceId={workspaceId}
          productId={productId}
          statusFor={statusFor}
          orphans={tree.orphans}
          goals={orphans.goals}
          initiatives={orphans.initiatives}
          allGoals={goals}
          allInitiatives={initiatives.data ?? []}
          canWrite={canWrite}
          canAlign={canAlign}
        />
      </>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Traceability</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>Goal → initiative → epic and feature, with delivery by points</span>
          </p>
        </div>
        <div className="page-actions">{strategyLink}</div>
      </div>
      <div className="strategy-content">{body}</div>
    </div>
  );
}
