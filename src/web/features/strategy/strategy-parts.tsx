import type { ReactNode } from 'react';
import { INITIATIVE_STATUS_LABELS, percentOf, type InitiativeStatus } from './strategy-model';

export type MeterTone = 'accent' | 'success' | 'danger' | 'muted';

/**
 * A bar from 0 to 1 with a name and a read-out for screen readers; `marker`
 * draws a tick at a share of the track (the time gone in a goal's time box).
 */
export function Meter({ value, label, valueText, tone = 'accent', marker, markerLabel, size = 'md' }: { value: number; label: string; valueText: string; tone?: MeterTone; marker?: number; markerLabel?: string; size?: 'sm' | 'md' }) {
  const percent = percentOf(value);
  return (
    <div className={`meter meter-${tone} meter-${size}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={valueText} title={valueText}>
      <div className="meter-fill" style={{ width: `${percent}%` }} />
      {marker !== undefined && <span className="meter-marker" style={{ left: `${percentOf(marker)}%` }} title={markerLabel} aria-hidden="true" />}
    </div>
  );
}

export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  return <span className={`badge initiative-status initiative-status-${status}`}>{INITIATIVE_STATUS_LABELS[status]}</span>;
}

/**
 * Several choices from a list, as checkboxes in a fieldset: a goal picker, an
 * initiative picker. Every option stays visible, so what is chosen reads at a glance.
 */
export function ChoiceList({
  legend,
  options,
  value,
  onChange,
  error,
  empty,
  hint,
}: {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>;
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  empty: ReactNode;
  hint?: ReactNode;
}) {
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? options.map((candidate) => candidate.value).filter((candidate) => candidate === option || value.includes(candidate)) : value.filter((candidate) => candidate !== option));
  return (
    <fieldset className={`choice-list${error ? ' field-invalid' : ''}`}>
      <legend className="field-label">{legend}</legend>
      {options.length === 0 ? (
        <p className="field-hint">{empty}</p>
      ) : (
        <div className="choice-options">
          {options.map((option) => (
            <label key={option.value} className="check">
              <input type="checkbox" checked={value.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
              <span className="check-text">
                <span className="check-label">{option.label}</span>
                {option.hint && <span className="check-hint">{option.hint}</span>}
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? <p className="field-error">{error}</p> : hint ? <p className="field-hint">{hint}</p> : null}
    </fieldset>
  );
}
