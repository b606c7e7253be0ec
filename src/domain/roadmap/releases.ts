import type { RELEASE_CHANGE_KINDS, RELEASE_STATUSES } from '../../contracts/vocabulary';
import { daysFrom } from '../calendar';
import type { Role } from '../../contracts/access.schema';
import type { ItemType } from '../../contracts/item.schema';
import { isAllowed } from '../access/permissions';
import { TandemError } from '../errors';

export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
export type ReleaseChangeKind = (typeof RELEASE_CHANGE_KINDS)[number];

/** A released or canceled release is history: its status stays. */
export function assertReleaseTransition(from: ReleaseStatus, to: ReleaseStatus): void {
  if (from === to) return;
  if (from === 'released' || from === 'canceled') throw new TandemError('conflict', `A ${from} release cannot become ${to.replace('_', ' ')}`);
}

/** At risk: the date by which the work is done with 85 % likelihood comes after the target. */
export function isAtRisk(targetDate: string | null, p85: string | null): boolean {
  return targetDate !== null && p85 !== null && p85 > targetDate;
}

export interface ChangeForSummary {
  kind: ReleaseChangeKind;
  before: unknown;
  after: unknown;
}

const field = (value: unknown, name: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' ? found : null;
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * A release's changes in one plain sentence, for stakeholder updates:
 * "3 items added, 1 removed; target moved 12 days later; now at risk: 85 %
 * forecast 2027-03-04". `changes` are in the order they happened.
 */
export function summarizeReleaseChanges(changes: readonly ChangeForSummary[]): string {
  const parts: string[] = [];
  const added = changes.filter((change) => change.kind === 'scope_added').length;
  const removed = changes.filter((change) => change.kind === 'scope_removed').length;
  if (added > 0 || removed > 0) {
    parts.push([added > 0 && `${plural(added, 'item')} added`, removed > 0 && `${removed} removed`].filter(Boolean).join(', '));
  }
  const moves = changes.filter((change) => change.kind === 'date_moved');
  const first = field(moves[0]?.before, 'targetDate');
  const last = field(moves.at(-1)?.after, 'targetDate');
  if (moves.length > 0) {
    if (first && last && first !== last) {
      const days = daysFrom(first, last);
      parts.push(`target moved ${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'} (${first} → ${last})`);
    } else if (!first && last) parts.push(`target set to ${last}`);
    else if (first && !last) parts.push('target date removed');
  }
  const risk = changes.filter((change) => change.kind === 'at_risk' || change.kind === 'back_on_track').at(-1);
  if (risk?.kind === 'at_risk') parts.push(`now at risk: 85 % forecast ${field(risk.after, 'p85') ?? 'unknown'} against target ${field(risk.after, 'targetDate') ?? 'none'}`);
  if (risk?.kind === 'back_on_track') parts.push(`back on track: 85 % forecast ${field(risk.after, 'p85') ?? 'unknown'}`);
  const status = changes.filter((change) => change.kind === 'status_changed').at(-1);
  if (status) parts.push(`status now ${(field(status.after, 'status') ?? '').replace('_', ' ')}`);
  return parts.length > 0 ? `${parts.join('; ')}.` : 'No changes yet.';
}

/** A stable seed per release, so its forecast reads the same until its inputs change. */
export function releaseSeed(releaseId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < releaseId.length; index += 1) hash = Math.imul(hash ^ releaseId.charCodeAt(index), 0x01000193) >>> 0;
  return hash & 0x7fffffff;
}

/** What a release promises at the product manager's level: the epics and features in it. */
const PLANNING_LEVEL: ReadonlySet<ItemType> = new Set(['epic', 'feature']);

/**
 * Whether these roles may put an item of this type in a release or take it
 * out. Release scope by level: whoever may manage releases (the PM, the owner)
 * puts any item in one or takes it out; the PO scopes at story level
 * (stories, tasks and bugs) and leaves the epics and features to the PM.
 */
export function mayScope(roles: readonly Role[], type: ItemType): boolean {
  return isAllowed(roles, PLANNING_LEVEL.has(type) ? 'release.manage' : 'release.scope');
}

/** Refuses with `forbidden` where `mayScope` does not allow, saying who scopes what. */
export function assertMayScope(roles: readonly Role[], type: ItemType): void {
  if (mayScope(roles, type)) return;
  throw new TandemError('forbidden', `Your roles (${roles.join(', ')}) scope releases at story level: stories, tasks and bugs. Putting ${type === 'epic' ? 'an epic' : 'a feature'} in a release or taking it out is for a product manager or the owner`, {
    action: 'release.manage',
    roles,
  });
}
