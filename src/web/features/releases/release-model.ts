import type { z } from 'zod';
import type { ItemDependenciesSchema, Release, ReleaseChangesSchema, ReleaseForecastSchema } from '../../../contracts/roadmap.schema';
import type { RELEASE_STATUSES } from '../../../contracts/vocabulary';

export type { Release };
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
export type ReleaseForecast = z.infer<typeof ReleaseForecastSchema>;
export type ReleaseChanges = z.infer<typeof ReleaseChangesSchema>;
export type ReleaseChange = ReleaseChanges['items'][number];
export type ItemDependencies = z.infer<typeof ItemDependenciesSchema>;

export const RELEASE_STATUS_LABELS: Record<ReleaseStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  released: 'Released',
  canceled: 'Canceled',
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Whole days from one plan date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "3 days after the target", "on the target", "2 days before the target". */
export function againstTarget(date: string, target: string): string {
  const days = daysBetween(target, date);
  if (days === 0) return 'on the target';
  return `${plural(Math.abs(days), 'day')} ${days > 0 ? 'after' : 'before'} the target`;
}

/** Delivery of a release's scope: "4 of 9 points · 2 of 4 items", with the unestimated named. */
export function progressText(progress: Release['progress']): string {
  const text = `${progress.donePoints} of ${progress.points} points · ${progress.doneItems} of ${plural(progress.items, 'item')}`;
  return progress.unestimated > 0 ? `${text} · ${progress.unestimated} unestimated` : text;
}

/** The forecast's three dates, each read against the target when there is one. */
export function forecastRows(forecast: ReleaseForecast, targetDate: string | null): Array<{ label: string; date: string | null; note: string | null; late: boolean }> {
  return (['p50', 'p85', 'p95'] as const).map((key) => {
    const date = forecast[key];
    const label = `${key.slice(1)} % likely by`;
    if (!date) return { label, date, note: null, late: false };
    return { label, date, note: targetDate ? againstTarget(date, targetDate) : null, late: targetDate !== null && daysBetween(targetDate, date) > 0 };
  });
}

const fieldOf = (value: unknown, name: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' || typeof field === 'number' ? String(field) : null;
};

const statusLabel = (value: unknown) => {
  const status = fieldOf(value, 'status');
  return status && status in RELEASE_STATUS_LABELS ? RELEASE_STATUS_LABELS[status as ReleaseStatus].toLowerCase() : (status ?? 'unknown');
};

const itemName = (value: unknown) => [fieldOf(value, 'key'), fieldOf(value, 'title')].filter(Boolean).join(' ') || 'An item';

/** One recorded change of a release in plain words, for its history. */
export function changeLine(change: Pick<ReleaseChange, 'kind' | 'before' | 'after'>): string {
  switch (change.kind) {
    case 'scope_added':
      return `${itemName(change.after)} added`;
    case 'scope_removed':
      return `${itemName(change.before)} removed`;
    case 'date_moved': {
      const before = fieldOf(change.before, 'targetDate');
      const after = fieldOf(change.after, 'targetDate');
      if (before && after) {
        const days = daysBetween(before, after);
        return `Target moved from ${before} to ${after} (${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'})`;
      }
      return after ? `Target set to ${after}` : 'Target date removed';
    }
    case 'status_changed':
      return `Status changed from ${statusLabel(change.before)} to ${statusLabel(change.after)}`;
    case 'at_risk': {
      const target = fieldOf(change.after, 'targetDate');
      return `Turned at risk: 85 % forecast ${fieldOf(change.after, 'p85') ?? 'unknown'}${target ? ` against the target ${target}` : ''}`;
    }
    case 'back_on_track':
      return `Back on track: 85 % forecast ${fieldOf(change.after, 'p85') ?? 'unknown'}`;
  }
}

/** Bars for the throughput chart: each day's height as a share of the busiest day. */
export function throughputBars(daily: readonly number[]): Array<{ index: number; count: number; height: number }> {
  const most = Math.max(1, ...daily);
  return daily.map((count, index) => ({ index, count, height: count / most }));
}

export interface DistributionBar {
  date: string;
  trials: number;
  /** 0–1 of the busiest date. */
  height: number;
  /** Finishing on this date misses the target. */
  late: boolean;
}

/** A share of the simulated futures in words: never "100 %" while some miss, nor "0 %" while some make it. */
export function chanceText(chance: number): string {
  if (chance > 0.99 && chance < 1) return 'over 99 %';
  if (chance > 0 && chance < 0.01) return 'under 1 %';
  return `${Math.round(chance * 100)} %`;
}

/**
 * The forecast's trials as bars by finishing date, and the chance of being done
 * by the target (trials on or before it over all trials), null without a target
 * or without trials.
 */
export function distributionChart(distribution: ReadonlyArray<{ date: string; trials: number }>, target: string | null): { bars: DistributionBar[]; chanceByTarget: number | null } {
  const most = Math.max(1, ...distribution.map((day) => day.trials));
  const total = distribution.reduce((sum, day) => sum + day.trials, 0);
  const bars = distribution.map((day) => ({ date: day.date, trials: day.trials, height: day.trials / most, late: target !== null && day.date > target }));
  const onTime = target === null ? 0 : distribution.filter((day) => day.date <= target).reduce((sum, day) => sum + day.trials, 0);
  return { bars, chanceByTarget: target === null || total === 0 ? null : onTime / total };
}
