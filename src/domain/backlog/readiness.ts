import type { AcceptanceCriterion, ItemType, Readiness } from '../../contracts/item.schema';

/** Points a team gets through in a sprint when it has no velocity history yet. */
export const DEFAULT_SPRINT_POINTS = 20;

/** Words that stand in for a title nobody has written yet. */
const PLACEHOLDER_WORDS = new Set(['tbd', 'tba', 'todo', 'wip', 'misc', 'stuff', 'etc', 'placeholder', 'xxx']);
const MIN_TITLE_WORDS = 3;

export interface ReadinessInput {
  type: ItemType;
  title: string;
  persona: string;
  want: string;
  benefit: string;
  acceptanceCriteria: readonly AcceptanceCriterion[];
  estimate: number | null;
  blocked: boolean;
  blockedReason: string;
}

/**
 * Whether a story can go into a sprint, INVEST-style: it says who wants what
 * and why (valuable), it can be tested (acceptance criteria), it is estimated
 * and small enough to finish within a sprint with room to spare (more than half
 * of the team's typical sprint is too large), its title says what it is, and
 * nothing blocks it (independent). Other item types are not assessed (null).
 */
export function assessReadiness(item: ReadinessInput, typicalSprintPoints: number = DEFAULT_SPRINT_POINTS): Readiness | null {
  if (item.type !== 'story') return null;
  const reasons: Readiness['reasons'] = [];
  if (item.acceptanceCriteria.length === 0) {
    reasons.push({ code: 'no_acceptance_criteria', message: 'Add acceptance criteria, so the team knows when it is done' });
  }
  if (item.estimate === null) {
    reasons.push({ code: 'no_estimate', message: 'Estimate it in points' });
  } else if (item.estimate > typicalSprintPoints / 2) {
    reasons.push({
      code: 'too_large',
      message: `${item.estimate} points is more than half of a typical sprint (${typicalSprintPoints} points); split it`,
    });
  }
  const vague = vagueness(item.title);
  if (vague) reasons.push({ code: 'vague_title', message: vague });
  const missing = [
    ['persona', item.persona],
    ['want', item.want],
    ['benefit', item.benefit],
  ].flatMap(([part, value]) => (value!.trim() === '' ? [part!] : []));
  if (missing.length > 0) {
    reasons.push({ code: 'incomplete_story', message: `Say ${describeMissing(missing)} ("As a …, I want …, so that …")` });
  }
  if (item.blocked) {
    reasons.push({ code: 'blocked', message: item.blockedReason ? `Blocked: ${item.blockedReason}` : 'It is blocked' });
  }
  return { ready: reasons.length === 0, reasons };
}

function vagueness(title: string): string | null {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const placeholder = words.find((word) => PLACEHOLDER_WORDS.has(word));
  if (placeholder) return `The title holds a placeholder ("${placeholder}"); say what the story delivers`;
  if (words.length < MIN_TITLE_WORDS) return `The title is too short to say what the story delivers (at least ${MIN_TITLE_WORDS} words)`;
  return null;
}

const PART_NAMES: Record<string, string> = { persona: 'who it is for', want: 'what they want', benefit: 'why they want it' };

function describeMissing(parts: readonly string[]): string {
  const names = parts.map((part) => PART_NAMES[part]!);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
