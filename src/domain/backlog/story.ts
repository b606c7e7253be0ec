import type { AcceptanceCriterion } from '../../contracts/item.schema';
import type { CustomFieldValue } from '../../contracts/workflow.schema';
import { invalidField } from '../errors';

/** What a new item holds until someone writes it. */
export const BLANK_ITEM_FIELDS = {
  description: '',
  parentId: null as string | null,
  persona: '',
  want: '',
  benefit: '',
  acceptanceCriteria: [] as AcceptanceCriterion[],
  estimate: null as number | null,
  labels: [] as string[],
  assigneeId: null as string | null,
  dueDate: null as string | null,
  blocked: false,
  blockedReason: '',
  customFields: {} as Record<string, CustomFieldValue>,
};

type CriterionInput = Omit<AcceptanceCriterion, 'id'> & { id?: string | undefined };

/**
 * The acceptance criteria as sent, in their order: a criterion keeps the id it
 * names when the item has it (so a check-off follows it through edits); a new
 * one, or one naming an id the item never had, gets a fresh id.
 */
export function numberCriteria(input: readonly CriterionInput[], existing: readonly AcceptanceCriterion[], newId: () => string): AcceptanceCriterion[] {
  const known = new Set(existing.map((criterion) => criterion.id));
  const seen = new Set<string>();
  return input.map((criterion, index) => {
    if (criterion.id !== undefined && seen.has(criterion.id)) {
      throw invalidField(`acceptanceCriteria.${index}.id`, 'the same criterion is listed twice');
    }
    const id = criterion.id !== undefined && known.has(criterion.id) ? criterion.id : newId();
    seen.add(id);
    return { id, given: criterion.given, when: criterion.when, then: criterion.then, done: criterion.done };
  });
}

/** A blocked item says what blocks it; an unblocked one keeps no stale reason. */
export function blockedState(blocked: boolean, reason: string): { blocked: boolean; blockedReason: string } {
  if (!blocked) return { blocked: false, blockedReason: '' };
  if (reason.trim() === '') {
    throw invalidField('blockedReason', 'say what blocks it');
  }
  return { blocked: true, blockedReason: reason };
}
