import type { Sprint } from '../../api/sprint-keys';
import { AlertIcon } from '../../ui/icons';
import { capacityState, formatPoints, progressPercent, STATE_LABELS } from './sprint-model';
import './sprints.css';

/**
 * Committed points against capacity. Past capacity the bar and its text turn
 * to the warning colour and say by how much, so colour is never the only sign.
 */
export function CapacityBar({ committed, capacity, explanation, compact = false }: { committed: number; capacity: number; explanation?: string; compact?: boolean }) {
  const state = capacityState(committed, capacity);
  return (
    <div className={`capacity capacity-${state.tone}${compact ? ' capacity-compact' : ''}`} data-tone={state.tone}>
      <div className="capacity-head">
        <span className="capacity-title">Capacity</span>
        <span className="capacity-text" data-testid="capacity-text">
          {state.tone === 'over' && <AlertIcon aria-hidden="true" />}
          {state.label}
        </span>
      </div>
      <div
        className="capacity-track"
        role="meter"
        aria-label="Committed points against capacity"
        aria-valuemin={0}
        aria-valuemax={Math.max(capacity, 1)}
        aria-valuenow={Math.min(committed, Math.max(capacity, 1))}
        aria-valuetext={state.label}
      >
        <div className="capacity-fill" style={{ width: `${state.percent}%` }} />
      </div>
      {explanation && !compact && <p className="capacity-explanation">{explanation}</p>}
    </div>
  );
}

export function ProgressBar({ sprint }: { sprint: Pick<Sprint, 'committedPoints' | 'completedPoints'> }) {
  const percent = progressPercent(sprint);
  const text = `${formatPoints(sprint.completedPoints)} of ${formatPoints(sprint.committedPoints)} done`;
  return (
    <div className="progress">
      <div className="capacity-head">
        <span className="capacity-title">Progress</span>
        <span className="capacity-text">{text}</span>
      </div>
      <div className="capacity-track" role="progressbar" aria-label="Points done" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function SprintStateBadge({ state }: { state: Sprint['state'] }) {
  return <span className={`badge sprint-state sprint-state-${state}`}>{STATE_LABELS[state]}</span>;
}
