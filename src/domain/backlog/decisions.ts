import type { DecisionStatus } from '../../contracts/decision.schema';
import { invalidField } from '../errors';

/**
 * A decision is proposed, then decided, and later perhaps superseded by
 * another; history only moves forward, so what was decided stays on record.
 */
const NEXT: Record<DecisionStatus, readonly DecisionStatus[]> = {
  proposed: ['proposed', 'decided', 'superseded'],
  decided: ['decided', 'superseded'],
  superseded: ['superseded'],
};

export interface DecisionState {
  status: DecisionStatus;
  outcome: string;
  supersededBy: string | null;
}

/** Checks a decision's next state: the status may only move forward, a decision names its outcome, and only a superseded one names its successor. */
export function checkDecision(id: string | null, before: DecisionState | null, after: DecisionState): void {
  if (before && !NEXT[before.status].includes(after.status)) {
    throw invalidField('status', `a ${before.status} decision cannot go back to ${after.status}; record a new decision instead`);
  }
  if (after.status === 'decided' && after.outcome.trim() === '') throw invalidField('outcome', 'say what was decided');
  if (after.supersededBy !== null && after.status !== 'superseded') throw invalidField('supersededBy', 'only a superseded decision names its successor');
  if (id !== null && after.supersededBy === id) throw invalidField('supersededBy', 'a decision cannot supersede itself');
}
