import type { FieldError } from '../../contracts/errors';
import type { KEY_RESULT_DIRECTIONS } from '../../contracts/vocabulary';
import { invalidFields } from '../errors';

export type KeyResultDirection = (typeof KEY_RESULT_DIRECTIONS)[number];

export interface KeyResultMeasure {
  baseline: number;
  target: number;
  /** Null until someone records a value; progress is then 0. */
  current: number | null;
  direction: KeyResultDirection;
}

export interface KeyResultProgress {
  /** 0 to 1: how far from the baseline to the target the current value has come. */
  progress: number;
  /** The target is reached or passed. */
  achieved: boolean;
  /** The current value moved the wrong way from the baseline. */
  regressed: boolean;
  /** In words, with the numbers: "42 → 55 of 42 → 60 (72 %)". */
  explanation: string;
}

/**
 * Progress of a key result from its baseline towards its target, for metrics
 * that should go up (sign-ups) and down (churn, time to first value) alike.
 * Progress is clamped to 0–1 so one overshoot cannot hide another key result's
 * shortfall in a goal's average; `achieved` and `regressed` keep what clamping hides.
 */
export function keyResultProgress(measure: KeyResultMeasure, unit = ''): KeyResultProgress {
  const { baseline, target, current, direction } = measure;
  const suffix = unit ? ` ${unit}` : '';
  const span = `${format(baseline)} → ${format(target)}${suffix}`;
  if (current === null) return { progress: 0, achieved: false, regressed: false, explanation: `no value recorded yet (${span})` };
  const gained = direction === 'increase' ? current - baseline : baseline - current;
  const needed = Math.abs(target - baseline);
  const raw = gained / needed;
  const progress = Math.min(1, Math.max(0, raw));
  return {
    progress,
    achieved: raw >= 1,
    regressed: raw < 0,
    explanation: `${format(current)}${suffix} on the way ${span}: ${Math.round(progress * 100)} %${raw > 1 ? ' (target passed)' : raw < 0 ? ' (moved the wrong way)' : ''}`,
  };
}

/** A goal's progress is the plain average of its key results' (0 with none): each key result counts the same. */
export function goalProgress(keyResults: readonly KeyResultProgress[]): number {
  if (keyResults.length === 0) return 0;
  return keyResults.reduce((sum, result) => sum + result.progress, 0) / keyResults.length;
}

/**
 * A key result's numbers must say which way is better: a target above the
 * baseline for `increase`, below it for `decrease`. Returns the problems, with
 * field names relative to the key result.
 */
export function keyResultProblems(measure: Omit<KeyResultMeasure, 'current'> & { current?: number | null }): FieldError[] {
  const { baseline, target, direction } = measure;
  if (target === baseline) return [{ field: 'target', message: 'must differ from the baseline, or there is nothing to move' }];
  if (direction === 'increase' && target < baseline) return [{ field: 'target', message: `is below the baseline (${format(baseline)}); for a metric that should fall, use direction "decrease"` }];
  if (direction === 'decrease' && target > baseline) return [{ field: 'target', message: `is above the baseline (${format(baseline)}); for a metric that should rise, use direction "increase"` }];
  return [];
}

export function assertKeyResult(measure: Omit<KeyResultMeasure, 'current'>): void {
  const problems = keyResultProblems(measure);
  if (problems.length > 0) throw invalidFields(problems);
}

const format = (value: number) => String(Math.round(value * 1000) / 1000);
