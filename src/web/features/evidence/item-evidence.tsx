import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { INSIGHT_IMPORTANCES } from '../../../contracts/vocabulary';
import { messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { Button } from '../../ui/button';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useItemScores, useScoreItem } from '../prioritization/queries';
import { formatRevenue, formatRevenueShort, plural, reachComparison, riceWithReach, segmentBars, type DemandMeasure, type Evidence } from './evidence-model';
import { ImportanceBadge, InsightMeta, InsightText } from './insight-card';
import { useItemEvidence, useItemInsights, useSegments } from './queries';
import './evidence.css';

const MEASURES: ReadonlyArray<{ value: DemandMeasure; label: string }> = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'customers', label: 'Customers' },
  { value: 'insights', label: 'Insights' },
];

/** How many linked insights the item page lists before *Show all*. */
const SHOWN_INSIGHTS = 5;

/**
 * The item page's "Evidence": the demand behind the item from the insights
 * linked to it (how many, from how many customers, worth how much), split by
 * segment in a bar chart, with the passages that ask for it; its suggested
 * RICE reach, which those who may score can accept in one click.
 */
export function EvidenceSection({ workspaceId, item, canScore, onPrefillRice }: { workspaceId: string; item: Item; canScore: boolean; onPrefillRice: (reach: number) => void }) {
  const evidence = useItemEvidence(item.productId, item.id);
  const insights = useItemInsights(item.productId, item.id);
  const segments = useSegments(workspaceId);
  const [showAll, setShowAll] = useState(false);
  const inbox = { to: '/w/$workspaceId/p/$productId/insights', params: { workspaceId, productId: item.productId } } as const;

  let body;
  if (evidence.isPending) body = <p className="section-empty">Loading…</p>;
  else if (evidence.isError) body = <Alert>Could not load the evidence: {messageOf(evidence.error)}</Alert>;
  else if (evidence.data.insights === 0) {
    body = (
      <p className="section-empty">
        No customer evidence yet. Link insights from the <Link {...inbox}>insights inbox</Link> to show who asks for this {item.type} and what they are worth; the demand
        then suggests its RICE reach.
      </p>
    );
  } else {
    const data = evidence.data;
    const rows = insights.data?.items ?? [];
    body = (
      <>
        <dl className="evidence-stats">
          <div>
            <dt>Insights</dt>
            <dd>{data.insights}</dd>
          </div>
          <div>
            <dt>Customers</dt>
            <dd>{data.customers}</dd>
          </div>
          <div>
            <dt>Revenue</dt>
            <dd>{formatRevenue(data.revenue)}</dd>
          </div>
        </dl>
        <ul className="evidence-importance" aria-label="Insights by importance">
          {INSIGHT_IMPORTANCES.slice()
            .reverse()
            .map((importance) => (
              <li key={importance}>
                <ImportanceBadge importance={importance} /> {data.byImportance[importance]}
              </li>
            ))}
        </ul>
        <SegmentChart evidence={data} />
        <SuggestedReach item={item} evidence={data} canScore={canScore} onPrefillRice={onPrefillRice} />
        <h3 className="evidence-subtitle">What they said</h3>
        {insights.isError && <Alert>Could not load the insights: {messageOf(insights.error)}</Alert>}
        <ul className="evidence-quotes" aria-label={`Insights linked to ${item.key}`}>
          {(showAll ? rows : rows.slice(0, SHOWN_INSIGHTS)).map((insight) => {
            const own = insight.links.find((entry) => entry.item.id === item.id);
            // Only this item's passage is highlighted here; the inbox shows every link.
            const focused = { ...insight, links: own ? [own] : [] };
            return (
              <li key={insight.id} className="evidence-quote">
                <InsightText insight={focused} />
                <div className="evidence-quote-meta">
                  <InsightMeta insight={insight} segments={segments.data} />
                  {own && <ImportanceBadge importance={own.importance} />}
                </div>
              </li>
            );
          })}
        </ul>
        {!showAll && rows.length > SHOWN_INSIGHTS && (
          <div>
            <Button size="sm" variant="ghost" onClick={() => setShowAll(true)}>
              Show all {rows.length}
            </Button>
          </div>
        )}
        {showAll && data.insights > rows.length && (
          <p className="evidence-muted">
            The newest {rows.length} are shown; the <Link {...inbox}>inbox</Link> holds all {data.insights}.
          </p>
        )}
      </>
    );
  }

  return (
    <section className="item-section" aria-labelledby="evidence-heading">
      <div className="section-head">
        <h2 id="evidence-heading" className="section-title">
          Evidence
          {evidence.data && evidence.data.insights > 0 && <span className="section-count">{plural(evidence.data.insights, 'insight')}</span>}
        </h2>
      </div>
      {body}
    </section>
  );
}

/** The demand per segment as horizontal bars, in a table whose cells hold the numbers, so it reads at a glance and to a screen reader alike. */
function SegmentChart({ evidence }: { evidence: Evidence }) {
  const [measure, setMeasure] = useState<DemandMeasure>(evidence.revenue > 0 ? 'revenue' : 'customers');
  const bars = segmentBars(evidence.bySegment, measure);
  const label = (value: number) => (measure === 'revenue' ? formatRevenueShort(value) : String(value));

  return (
    <figure className="segment-chart">
      <div className="segment-chart-head">
        <figcaption className="evidence-subtitle">By segment</figcaption>
        <div className="evidence-tabs evidence-tabs-sm" role="group" aria-label="Measure">
          {MEASURES.map((option) => (
            <button key={option.value} type="button" className="evidence-tab" aria-pressed={measure === option.value} onClick={() => setMeasure(option.value)}>
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <table className="segment-bars" aria-label={`Demand by segment, bars by ${measure}`}>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">{MEASURES.find((option) => option.value === measure)?.label}</th>
            <th scope="col">Customers, insights and revenue</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row" className="segment-bar-name">
                {bar.name}
              </th>
              <td className="segment-bar-cell">
                <span className="segment-bar-line">
                  <span className="segment-bar-track" aria-hidden="true">
                    <span className={`segment-bar${bar.key === 'none' ? ' segment-bar-none' : ''}`} style={{ width: `${Math.max(bar.share * 100, bar.value > 0 ? 2 : 0)}%` }} />
                  </span>
                  <span className="segment-bar-value">{label(bar.value)}</span>
                </span>
              </td>
              <td className="segment-bar-detail">
                {plural(bar.demand.customers, 'customer')} · {plural(bar.demand.insights, 'insight')} · {formatRevenue(bar.demand.revenue)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/**
 * The suggested reach (distinct customers, plus one per insight with no
 * customer) next to the reach the RICE score uses. Accepting it re-saves a
 * stored RICE score with the new reach; with none, it fills in the scoring
 * form below so the PM adds impact, confidence and effort.
 */
function SuggestedReach({ item, evidence, canScore, onPrefillRice }: { item: Item; evidence: Evidence; canScore: boolean; onPrefillRice: (reach: number) => void }) {
  const scores = useItemScores(item.id);
  const save = useScoreItem(item.productId, item.id);
  const toast = useToast();
  const rice = scores.data?.items.find((score) => score.framework === 'rice');
  const storedReach = rice && typeof rice.inputs.reach === 'number' ? rice.inputs.reach : evidence.riceReach;
  const comparison = reachComparison({ suggestedReach: evidence.suggestedReach, riceReach: storedReach ?? null });

  const accept = () => {
    if (!rice) return onPrefillRice(evidence.suggestedReach);
    save.mutate(riceWithReach(rice.inputs as Record<string, unknown>, evidence.suggestedReach), {
      onSuccess: () => toast({ message: `RICE reach set to ${evidence.suggestedReach}`, tone: 'success' }),
      onError: (failure) => toast({ message: `Not saved: ${messageOf(failure)}`, tone: 'danger' }),
    });
  };

  return (
    <div className="suggested-reach" role="group" aria-label="Suggested reach">
      <div>
        <p className="suggested-reach-value">
          Suggested reach <strong>{evidence.suggestedReach}</strong>
        </p>
        <p className="evidence-muted">
          {plural(evidence.customers, 'customer')} asking{evidence.suggestedReach > evidence.customers ? `, plus ${plural(evidence.suggestedReach - evidence.customers, 'insight')} with no customer` : ''}.{' '}
          {comparison.text}
        </p>
      </div>
      {canScore && comparison.state !== 'same' && (
        <Button size="sm" variant={comparison.state === 'unscored' ? 'secondary' : 'primary'} busy={save.isPending} onClick={accept}>
          Use as RICE reach
        </Button>
      )}
    </div>
  );
}
