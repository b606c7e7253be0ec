/**
 * The fixed word lists of the API, without zod: the web app imports its
 * constants from here so that the schema library stays out of its first load.
 * The schema files build their enums from these lists and re-export them.
 */

/** The six workspace roles; a member holds one or more and gets the union of their permissions. */
export const ROLES = ['owner', 'product_manager', 'product_owner', 'contributor', 'stakeholder', 'viewer'] as const;

export const ITEM_TYPES = ['epic', 'feature', 'story', 'task', 'bug'] as const;

export const LABEL_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;

export const ITEM_SORTS = ['rank', 'score:rice', 'score:ice', 'score:wsjf', 'score:moscow', 'score:value_effort', 'score:weighted', 'score:kano'] as const;

/** Every status belongs to one category; boards, burndown and readiness reason in categories. */
export const STATUS_CATEGORIES = ['backlog', 'todo', 'in_progress', 'done', 'canceled'] as const;

export const STATUS_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'single_select', 'multi_select'] as const;

export const RICE_IMPACTS = [3, 2, 1, 0.5, 0.25] as const;

export const KANO_ANSWERS = ['like', 'must_be', 'neutral', 'live_with', 'dislike'] as const;
/** Attractive, one-dimensional, must-be, indifferent, reverse, questionable. */
export const KANO_CATEGORIES = ['A', 'O', 'M', 'I', 'R', 'Q'] as const;

/** The frameworks whose scores are stored per item; the backlog can sort by each. */
export const SCORED_FRAMEWORKS = ['rice', 'ice', 'wsjf', 'moscow', 'value_effort', 'weighted', 'kano'] as const;

export const DECISION_STATUSES = ['proposed', 'decided', 'superseded'] as const;

/** Whether a key result's metric should rise or fall from its baseline. */
export const KEY_RESULT_DIRECTIONS = ['increase', 'decrease'] as const;

export const INITIATIVE_STATUSES = ['proposed', 'active', 'completed', 'dropped'] as const;

export const RELEASE_STATUSES = ['planned', 'in_progress', 'released', 'canceled'] as const;

/** What a release's change history records: scope, dates, status and risk. */
export const RELEASE_CHANGE_KINDS = ['scope_added', 'scope_removed', 'date_moved', 'status_changed', 'at_risk', 'back_on_track'] as const;

/** Where a launch-checklist task stands; a skipped task does not count towards readiness. */
export const LAUNCH_TASK_STATES = ['todo', 'in_progress', 'done', 'skipped'] as const;

/** How far a product (ours or a competitor's) covers a capability; a cell nobody assessed reads as unknown. */
export const CAPABILITY_LEVELS = ['has', 'partial', 'none', 'unknown'] as const;

/** How often a pricing plan's price is charged; `custom` is quoted per deal. */
export const BILLING_PERIODS = ['monthly', 'yearly', 'one_time', 'custom'] as const;

/** How a feature comes with a pricing plan; a feature not in a plan is absent from it. */
export const PLAN_INCLUSIONS = ['included', 'limited', 'add_on'] as const;

/** The Now / Next / Later board's columns: when an epic or feature is meant to happen, without dates. */
export const ROADMAP_HORIZONS = ['now', 'next', 'later'] as const;

/** Where a piece of customer evidence came from. */
export const INSIGHT_SOURCES = ['interview', 'support', 'sales', 'survey', 'review', 'other'] as const;

/** A customer's own words, or the note someone took of them. */
export const INSIGHT_KINDS = ['quote', 'note'] as const;

/** How much an insight weighs for the item it is linked to. */
export const INSIGHT_IMPORTANCES = ['nice', 'important', 'critical'] as const;

/**
 * Realtime messages are invalidation hints, not state: the client refetches
 * what the ids name through its own queries.
 */
export const EVENT_TYPES = [
  'workspace.updated',
  'member.added',
  'member.updated',
  'member.removed',
  'invite.created',
  'invite.revoked',
  'product.created',
  'product.updated',
  'item.created',
  'item.updated',
  'item.deleted',
  'item.restored',
  'item.purged',
  'item.ranked',
  'sprint.created',
  'sprint.updated',
  'sprint.started',
  'sprint.completed',
  'decision.changed',
  'strategy.changed',
  'release.changed',
  'evidence.changed',
  'roadmap.changed',
  'market.changed',
] as const;
