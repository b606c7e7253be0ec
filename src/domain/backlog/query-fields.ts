import { ITEM_TYPES, STATUS_CATEGORIES } from '../../contracts/vocabulary';

// The filter language's words, apart from its parser, so that help texts and
// autocomplete can show them without loading what the parser checks with.

export const QUERY_LIMITS = { maxLength: 500, maxTerms: 30, maxValueLength: 100 } as const;

export const QUERY_FIELDS = ['type', 'status', 'category', 'label', 'assignee', 'sprint', 'parent', 'is', 'points', 'due'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

/** Other names a field answers to; `estimate` is what Jira users type. A Map, so `constructor:` is not a field. */
export const QUERY_FIELD_ALIASES: ReadonlyMap<string, QueryField> = new Map([['estimate', 'points']]);

export const IS_FLAGS = ['blocked', 'unblocked', 'estimated', 'unestimated', 'ready', 'unready'] as const;
export type IsFlag = (typeof IS_FLAGS)[number];

export type QueryFieldHelp = { field: QueryField; aliases: readonly string[]; operators: string; values: string; example: string };

/** For help texts and autocomplete; the order is the order users reach for them. */
export const QUERY_FIELD_HELP: readonly QueryFieldHelp[] = [
  { field: 'type', aliases: [], operators: ':', values: ITEM_TYPES.join(', '), example: 'type:story,bug' },
  { field: 'status', aliases: [], operators: ':', values: "a status key of the product's workflow", example: 'status:ready,in_progress' },
  { field: 'category', aliases: [], operators: ':', values: STATUS_CATEGORIES.join(', '), example: 'category:in_progress' },
  { field: 'label', aliases: [], operators: ':', values: 'a label', example: 'label:billing' },
  { field: 'assignee', aliases: [], operators: ':', values: 'me, none or an email address', example: 'assignee:me' },
  { field: 'sprint', aliases: [], operators: ':', values: 'current, next, none or a sprint name', example: 'sprint:"Sprint 14"' },
  { field: 'parent', aliases: [], operators: ':', values: 'an item key', example: 'parent:DEMO-12' },
  { field: 'is', aliases: [], operators: ':', values: IS_FLAGS.join(', '), example: 'is:blocked' },
  { field: 'points', aliases: ['estimate'], operators: ': > >= < <=', values: 'a number, or none', example: 'points>=3' },
  { field: 'due', aliases: [], operators: ': > >= < <=', values: 'a date YYYY-MM-DD, or none', example: 'due<2026-12-31' },
];
