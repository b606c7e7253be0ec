import { useId, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { messageOf } from '../../api/client';
import type { ItemType } from '../../api/types';
import { Button } from '../../ui/button';
import { EditIcon, TrashIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useChangeScope, useReleaseChanges, useReleaseForecast, useReleaseScope, useScopeCandidates } from './queries';
import { LaunchLink } from '../launches/launch-link';
import { chanceText, changeLine, daysBetween, distributionChart, forecastRows, progressText, RELEASE_STATUS_LABELS, throughputBars, type Release, type ReleaseForecast } from './release-model';

export interface ReleaseActions {
  onEdit: (release: Release) => void;
  onDelete: (release: Release) => void;
}

const ITEM_KEY = /^[a-z][a-z0-9]*-\d+$/i;

/** One release: status, target, delivery, risk with the forecast's numbers, its change history and its scope. */
export function ReleaseCard({
  workspaceId,
  release,
  today,
  canManage,
  canScope,
  scopes,
  actions,
}: {
  workspaceId: string;
  release: Release;
  today: string;
  canManage: boolean;
  canScope: boolean;
  /** Whether the reader may put an item of this type in or out (the PO scopes at story level). */
  scopes: (type: ItemType) => boolean;
  actions: ReleaseActions;
}) {
  const headingId = useId();
  const forecast = useReleaseForecast(release.productId, release.id);
  const percent = Math.round(release.progress.progress * 100);
  const daysLeft = release.targetDate ? daysBetween(today, release.targetDate) : null;
  // The stored flag follows the last reassessment; the live forecast is as fresh as the page, so it wins once loaded.
  const atRisk = forecast.data?.atRisk ?? release.atRisk;

  return (
    <article className={`release-card${atRisk ? ' release-card-risk' : ''}`} aria-labelledby={headingId}>
      <header className="release-head">
        <div className="release-title-block">
          <h2 id={headingId} className="release-name">
            {release.name}
          </h2>
          <div className="release-badges">
            <span className={`badge release-status release-status-${release.status}`}>{RELEASE_STATUS_LABELS[release.status]}</span>
            {atRisk && (
              <span className="badge release-risk" title={forecast.data?.explanation}>
                At risk
              </span>
            )}
          </div>
        </div>
        {canManage && (
          <div className="release-actions">
            <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={() => actions.onEdit(release)} aria-label={`Edit “${release.name}”`}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" icon={<TrashIcon />} onClick={() => actions.onDelete(release)} aria-label={`Delete “${release.name}”`}>
              Delete
            </Button>
          </div>
        )}
      </header>

      <p className="release-target">
        {release.targetDate ? (
          <>
            Target <time dateTime={release.targetDate}>{release.targetDate}</time>
            {release.status !== 'released' && release.status !== 'canceled' && daysLeft !== null && (
              <span className="release-target-days"> · {daysLeft === 0 ? 'today' : daysLeft > 0 ? `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}` : `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} ago`}</span>
            )}
          </>
        ) : (
          'No target date yet: set one to read the forecast against it'
        )}
      </p>

      <div className="release-progress">
        <div className="release-meter" role="progressbar" aria-label={`Delivery of “${release.name}”`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={progressText(release.progress)}>
          <div className="release-meter-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="release-progress-text">{progressText(release.progress)}</span>
      </div>
      <LaunchLink workspaceId={workspaceId} release={release} />

      {forecast.isError ? (
        <p className="field-error">Could not forecast this release: {messageOf(forecast.error)}</p>
      ) : forecast.data ? (
        <ForecastBlock release={release} forecast={forecast.data} />
      ) : (
        <p className="section-empty">Forecasting…</p>
      )}

      <ChangeHistory release={release} />
      <ScopeList workspaceId={workspaceId} release={release} canScope={canScope} scopes={scopes} />
    </article>
  );
}

function ForecastBlock({ release, forecast }: { release: Release; forecast: ReleaseForecast }) {
  const rows = forecastRows(forecast, release.targetDate);
  const bars = throughputBars(forecast.history.daily);
  const total = forecast.history.daily.reduce((sum, count) => sum + count, 0);
  return (
    <section className="release-forecast" aria-label={`Forecast for “${release.name}”`}>
      <p className={forecast.atRisk ? 'release-explanation release-explanation-risk' : 'release-explanation'}>{forecast.explanation}</p>
      {forecast.remaining > 0 && (
        <div className="release-forecast-body">
          <dl className="release-percentiles">
            {rows.map((row) => (
              <div key={row.label} className={row.late ? 'release-percentile release-percentile-late' : 'release-percentile'}>
                <dt>{row.label}</dt>
                <dd>
                  <span className="release-percentile-date">{row.date ?? 'not within the horizon'}</span>
                  <span className="release-percentile-note">{row.note}</span>
                </dd>
              </div>
            ))}
          </dl>
          <ForecastDistribution release={release} forecast={forecast} />
          <figure className="release-throughput">
            <svg viewBox={`0 0 ${Math.max(1, bars.length) * 6} 40`} preserveAspectRatio="none" role="img" aria-label={`Items finished per day from ${forecast.history.start} to ${forecast.history.end}: ${total} in ${bars.length} days`}>
              {bars.map((bar) => (
                <rect key={bar.index} x={bar.index * 6 + 1} y={40 - Math.max(bar.height * 38, bar.count > 0 ? 2 : 0.5)} width={4} height={Math.max(bar.height * 38, bar.count > 0 ? 2 : 0.5)} rx={1}>
                  <title>{`${bar.count} finished`}</title>
                </rect>
              ))}
            </svg>
            <figcaption>
              Throughput, last {bars.length} days: {total} items finished
            </figcaption>
          </figure>
        </div>
      )}
    </section>
  );
}

/** The 10,000 simulated futures by finishing date: the bars past the target are the risk, read at a glance. */
function ForecastDistribution({ release, forecast }: { release: Release; forecast: ReleaseForecast }) {
  const { bars, chanceByTarget } = distributionChart(forecast.distribution, release.targetDate);
  if (bars.length === 0) return null;
  const width = Math.max(1, bars.length) * 6;
  const targetIndex = release.targetDate ? bars.findIndex((bar) => bar.date > release.targetDate!) : -1;
  const chance = chanceByTarget === null ? null : chanceText(chanceByTarget);
  const first = bars[0]!.date;
  const last = bars[bars.length - 1]!.date;
  return (
    <figure className="release-distribution">
      <svg
        viewBox={`0 0 ${width} 40`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Simulated finishing dates from ${first} to ${last}${chance === null ? '' : `: ${chance} finish by the target ${release.targetDate}`}`}
      >
        {bars.map((bar, index) => (
          <rect key={bar.date} className={bar.late ? 'release-distribution-late' : undefined} x={index * 6 + 1} y={40 - Math.max(bar.height * 38, 1)} width={4} height={Math.max(bar.height * 38, 1)} rx={1}>
            <title>{`${bar.date}: ${bar.trials} of ${forecast.distribution.reduce((sum, day) => sum + day.trials, 0)} trials`}</title>
          </rect>
        ))}
        {targetIndex > 0 && <line className="release-distribution-target" x1={targetIndex * 6} x2={targetIndex * 6} y1={0} y2={40} />}
      </svg>
      <figcaption>
        {chance === null ? `Finishing dates of the simulated futures, ${first} to ${last}` : `${chance} of the simulated futures finish by the target; the ${bars.some((bar) => bar.late) ? 'red bars miss it' : 'bars all make it'}`}
      </figcaption>
    </figure>
  );
}

function ChangeHistory({ release }: { release: Release }) {
  const changes = useReleaseChanges(release.productId, release.id);
  if (changes.isError) return <p className="field-error">Could not load the change history: {messageOf(changes.error)}</p>;
  if (!changes.data) return null;
  return (
    <section className="release-changes" aria-label={`Changes to “${release.name}”`}>
      <p className="release-summary">{changes.data.summary}</p>
      {changes.data.items.length > 0 && (
        <details className="release-history">
          <summary>Change history ({changes.data.items.length})</summary>
          <ol className="release-history-list">
            {changes.data.items.map((change) => (
              <li key={change.id}>
                <time dateTime={change.createdAt}>{change.createdAt.slice(0, 10)}</time> {changeLine(change)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function ScopeList({ workspaceId, release, canScope, scopes }: { workspaceId: string; release: Release; canScope: boolean; scopes: (type: ItemType) => boolean }) {
  const scope = useReleaseScope(release.productId, release.id);
  const change = useChangeScope(release.productId);
  const toast = useToast();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const candidates = useScopeCandidates(release.productId, text);
  const inScope = new Set((scope.data ?? []).map((item) => item.id));
  const listId = useId();

  const add = (itemId: string, label: string) => {
    setError(null);
    change.mutate(
      { releaseId: release.id, itemId },
      {
        onSuccess: () => {
          setText('');
          toast({ message: `${label} added to ${release.name}`, tone: 'success' });
        },
        onError: (failure) => setError(messageOf(failure)),
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = text.trim();
    const first = candidates.data?.find((item) => !inScope.has(item.id) && scopes(item.type));
    if (ITEM_KEY.test(typed)) add(typed.toUpperCase(), typed.toUpperCase());
    else if (first) add(first.id, first.key);
  };

  return (
    <section className="release-scope" aria-label={`Scope of “${release.name}”`}>
      <h3 className="release-scope-title">
        Scope <span className="section-count">{scope.data?.length ?? release.progress.items}</span>
      </h3>
      {scope.isError && <Alert>Could not load the scope: {messageOf(scope.error)}</Alert>}
      {scope.data && scope.data.length === 0 && <p className="section-empty">Nothing in this release yet.{canScope && ' Add the stories it should ship, by key or title.'}</p>}
      {scope.data && scope.data.length > 0 && (
        <ul className="release-scope-list" aria-label={`Items in “${release.name}”`}>
          {scope.data.map((item) => (
            <li key={item.id} className="release-scope-item">
              <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId: release.productId, itemKey: item.key }} className="release-scope-link">
                <span className="release-scope-key">{item.key}</span> {item.title}
              </Link>
              <span className="release-scope-status">{item.status.replaceAll('_', ' ')}</span>
              {scopes(item.type) && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${item.key} from “${release.name}”`}
                  busy={change.isPending && change.variables?.itemId === item.id}
                  onClick={() =>
                    change.mutate({ releaseId: release.id, itemId: item.id, remove: true }, { onError: (failure) => setError(messageOf(failure)) })
                  }
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canScope && (
        <form className="release-scope-add" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={`${listId}-input`}>
            Add an item to “{release.name}”
          </label>
          <input id={`${listId}-input`} className="input" value={text} onChange={(event) => setText(event.target.value)} placeholder="Add an item by key or title…" autoComplete="off" aria-controls={text.trim().length > 1 ? listId : undefined} />
          {error && <p className="field-error" role="alert">{error}</p>}
          {text.trim().length > 1 && candidates.data && (
            <ul id={listId} className="release-candidates" aria-label="Matching items">
              {candidates.data.length === 0 && !ITEM_KEY.test(text.trim()) && <li className="section-empty">No item matches “{text.trim()}”</li>}
              {candidates.data.map((item) => (
                <li key={item.id}>
                  <button type="button" className="release-candidate" disabled={inScope.has(item.id) || !scopes(item.type) || change.isPending} onClick={() => add(item.id, item.key)}>
                    <span className="release-scope-key">{item.key}</span> {item.title}
                    {inScope.has(item.id) ? (
                      <span className="release-scope-status"> already in</span>
                    ) : (
                      !scopes(item.type) && <span className="release-scope-status"> {item.type}s are scoped by the product manager</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </form>
      )}
    </section>
  );
}
