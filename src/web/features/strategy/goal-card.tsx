import { useId, useRef, useState, type FormEvent } from 'react';
import { messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { Avatar } from '../../ui/badges';
import { Button } from '../../ui/button';
import { CheckIcon, EditIcon, PlusIcon, TrashIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { useSaveKeyResult } from './queries';
import { checkRecordedValue } from './strategy-forms';
import {
  confidenceText,
  DIRECTION_LABELS,
  describeKeyResult,
  formatMeasure,
  isBehind,
  KEY_RESULT_STATE_LABELS,
  keyResultState,
  percentOf,
  timeBoxOf,
  type Goal,
  type KeyResult,
} from './strategy-model';
import { Meter, type MeterTone } from './strategy-parts';

const STATE_TONES: Record<ReturnType<typeof keyResultState>, MeterTone> = { unmeasured: 'muted', achieved: 'success', regressed: 'danger', moving: 'accent' };

export interface GoalActions {
  onEdit: (goal: Goal) => void;
  onDelete: (goal: Goal) => void;
  onAddKeyResult: (goal: Goal) => void;
  onEditKeyResult: (goal: Goal, keyResult: KeyResult) => void;
  onDeleteKeyResult: (goal: Goal, keyResult: KeyResult) => void;
}

/** One goal: its time box, owner and progress against the calendar, and each key result as a bar from baseline to target. */
export function GoalCard({ productId, goal, today, ownerName, canWrite, actions }: { productId: string; goal: Goal; today: string; ownerName: string | undefined; canWrite: boolean; actions: GoalActions }) {
  const titleId = useId();
  const timeBox = timeBoxOf(goal, today);
  const percent = percentOf(goal.progress);
  const behind = goal.keyResults.length > 0 && isBehind(goal.progress, timeBox);
  return (
    <article id={`goal-${goal.id}`} className="goal-card" aria-labelledby={titleId}>
      <header className="goal-head">
        <h3 id={titleId} className="goal-title">
          {goal.title}
        </h3>
        {canWrite && (
          <div className="goal-actions">
            <button type="button" className="icon-btn icon-btn-sm" aria-label={`Edit goal “${goal.title}”`} title="Edit goal" onClick={() => actions.onEdit(goal)}>
              <EditIcon />
            </button>
            <button type="button" className="icon-btn icon-btn-sm" aria-label={`Delete goal “${goal.title}”`} title="Delete goal" onClick={() => actions.onDelete(goal)}>
              <TrashIcon />
            </button>
          </div>
        )}
      </header>
      <p className="goal-meta">
        <span className={`goal-phase goal-phase-${timeBox.phase}`}>{timeBox.remaining}</span>
        <span>{timeBox.dates}</span>
        <span className="goal-owner">
          {ownerName ? (
            <>
              <Avatar name={ownerName} size={18} />
              {ownerName}
            </>
          ) : (
            'No owner'
          )}
        </span>
      </p>
      {goal.description.trim() && (
        <div className="goal-description">
          <MarkdownText text={goal.description} />
        </div>
      )}
      <div className="goal-progress">
        <div className="goal-progress-head">
          <span className="goal-progress-label">Progress</span>
          <span className="goal-progress-value">{goal.keyResults.length === 0 ? 'No key results' : `${percent}%`}</span>
        </div>
        <Meter
          value={goal.progress}
          label={`Progress of “${goal.title}”`}
          valueText={goal.keyResults.length === 0 ? 'No key results to measure it by' : `${percent}% of the way, the mean of ${goal.keyResults.length} key results; ${percentOf(timeBox.elapsed)}% of the time gone`}
          tone={goal.progress >= 1 ? 'success' : 'accent'}
          marker={timeBox.phase === 'running' ? timeBox.elapsed : undefined}
          markerLabel={`${percentOf(timeBox.elapsed)}% of the time gone`}
        />
        {behind && <p className="goal-behind">Behind the calendar: {percentOf(timeBox.elapsed)}% of the time gone, {percent}% of the way.</p>}
      </div>
      {goal.keyResults.length === 0 ? (
        <p className="section-empty">A goal is measured by its key results: two or three numbers that move when it works, each with where it starts and where it should get to.</p>
      ) : (
        <ul className="kr-list" aria-label={`Key results of “${goal.title}”`}>
          {goal.keyResults.map((keyResult) => (
            <KeyResultRow key={keyResult.id} productId={productId} goal={goal} keyResult={keyResult} canWrite={canWrite} actions={actions} />
          ))}
        </ul>
      )}
      {canWrite && (
        <div className="goal-foot">
          <Button size="sm" variant="ghost" icon={<PlusIcon />} onClick={() => actions.onAddKeyResult(goal)}>
            Add key result
          </Button>
        </div>
      )}
    </article>
  );
}

/**
 * A key result at a glance: a bar from its baseline (left) to its target
 * (right) filled to where the current value stands, whichever way the metric
 * should move; its state in words; and a quick way to record a new value.
 */
function KeyResultRow({ productId, goal, keyResult, canWrite, actions }: { productId: string; goal: Goal; keyResult: KeyResult; canWrite: boolean; actions: GoalActions }) {
  const state = keyResultState(keyResult);
  const confidence = confidenceText(keyResult.confidence);
  const [recording, setRecording] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setRecording(false);
    requestAnimationFrame(() => recordButton.current?.focus());
  };
  return (
    <li className={`kr kr-${state}`}>
      <div className="kr-head">
        <div className="kr-title">
          <span className="kr-name">{keyResult.name}</span>
          <span className="kr-tags">
            <span className={`badge kr-state kr-state-${state}`}>{KEY_RESULT_STATE_LABELS[state]}</span>
            {confidence && <span className="kr-confidence">{confidence}</span>}
          </span>
        </div>
        {canWrite && (
          <span className="kr-actions">
            {!recording && (
              <Button ref={recordButton} size="sm" variant="ghost" onClick={() => setRecording(true)} aria-label={`Record the current value of “${keyResult.name}”`}>
                Record value
              </Button>
            )}
            <button type="button" className="icon-btn icon-btn-sm" aria-label={`Edit key result “${keyResult.name}”`} title="Edit key result" onClick={() => actions.onEditKeyResult(goal, keyResult)}>
              <EditIcon />
            </button>
            <button type="button" className="icon-btn icon-btn-sm" aria-label={`Delete key result “${keyResult.name}”`} title="Delete key result" onClick={() => actions.onDeleteKeyResult(goal, keyResult)}>
              <TrashIcon />
            </button>
          </span>
        )}
      </div>
      <Meter value={keyResult.progress} label={keyResult.name} valueText={describeKeyResult(keyResult)} tone={STATE_TONES[state]} size="sm" />
      <div className="kr-scale">
        <span>
          <span className="kr-scale-label">Baseline</span> {formatMeasure(keyResult.baseline, keyResult.unit)}
        </span>
        <span className="kr-now">
          {keyResult.current === null ? (
            'Not measured yet'
          ) : (
            <>
              <span className="kr-scale-label">Now</span> <strong>{formatMeasure(keyResult.current, keyResult.unit)}</strong> · {percentOf(keyResult.progress)}%
            </>
          )}
        </span>
        <span>
          <span className="kr-scale-label">Target</span> {formatMeasure(keyResult.target, keyResult.unit)} <span className="kr-direction">({DIRECTION_LABELS[keyResult.direction].toLowerCase()})</span>
        </span>
      </div>
      {recording && <RecordValueForm productId={productId} keyResult={keyResult} onDone={close} />}
    </li>
  );
}

/** The current value of a key result, typed and saved in place: the change a PM makes every week. */
function RecordValueForm({ productId, keyResult, onDone }: { productId: string; keyResult: KeyResult; onDone: () => void }) {
  const save = useSaveKeyResult(productId);
  const id = useId();
  const [value, setValue] = useState(keyResult.current === null ? '' : String(keyResult.current));
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRecordedValue(value);
    if ('error' in checked) return setError(checked.error);
    if (checked.value === keyResult.current) return onDone();
    try {
      await save.mutateAsync({ keyResult, update: { current: checked.value } });
      onDone();
    } catch (failure) {
      setError(isStale(failure) ? 'Someone else changed this key result meanwhile; their version is loading. Record the value again.' : messageOf(failure));
    }
  };

  return (
    <form className="kr-record" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={id} className="kr-record-label">
        Current value of “{keyResult.name}”{keyResult.unit && ` (${keyResult.unit})`}
      </label>
      <input
        id={id}
        className="input kr-record-input"
        value={value}
        inputMode="decimal"
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onDone();
          }
        }}
      />
      <Button type="submit" size="sm" variant="primary" icon={<CheckIcon />} busy={save.isPending}>
        Save value
      </Button>
      <Button size="sm" onClick={onDone}>
        Cancel
      </Button>
      {error && (
        <p id={`${id}-error`} className="field-error kr-record-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
