import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { ItemCondition, ItemFilter } from '../../services/ports';
import type { Dialect } from '../database';
import type { Database } from '../schema';

type ItemScope = ExpressionBuilder<Database & { item: Database['item'] }, 'item'>;

const OPERATORS = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/**
 * The store's reading of a backlog filter: one SQL condition per term, all
 * of which must hold. Labels are a JSON array and free text goes through each
 * dialect's full-text index, so those two branch by dialect.
 */
export function itemFilterWhere(eb: ItemScope, filter: ItemFilter, dialect: Dialect): Expression<SqlBool> {
  // Every positive text term goes to the full-text index in one match, which is
  // far cheaper than one lookup per word; a negated term stays its own condition.
  const searched = filter.filter((condition): condition is TextCondition => condition.kind === 'text' && !condition.negated);
  const others = filter.filter((condition) => !(condition.kind === 'text' && !condition.negated));
  const parts = others.map((condition) => conditionWhere(eb, condition, dialect));
  if (searched.length > 0) parts.push(textWhere(searched, dialect));
  return eb.and(parts);
}

type TextCondition = Extract<ItemCondition, { kind: 'text' }>;

function textWhere(conditions: readonly TextCondition[], dialect: Dialect): Expression<SqlBool> {
  return dialect === 'postgres' ? postgresText(conditions) : sqliteText(conditions);
}

function negate(eb: ItemScope, expression: Expression<SqlBool>, negated: boolean): Expression<SqlBool> {
  return negated ? eb.not(expression) : expression;
}

function conditionWhere(eb: ItemScope, condition: ItemCondition, dialect: Dialect): Expression<SqlBool> {
  switch (condition.kind) {
    case 'nothing':
      return sql<SqlBool>`1 = 0`;
    case 'blocked':
      return eb('item.blocked', '=', condition.value ? 1 : 0);
    case 'ready':
      return eb('item.ready', '=', condition.value ? 1 : 0);
    case 'in': {
      if (condition.values.length === 0) return condition.negated ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`;
      const column = `item.${condition.field}` as const;
      const present = condition.values.filter((value): value is string => value !== null);
      const parts: Array<Expression<SqlBool>> = [];
      if (present.length > 0) parts.push(eb(column, 'in', present));
      if (present.length < condition.values.length) parts.push(eb(column, 'is', null));
      // "not in" must also keep rows where the column is empty, which SQL's NOT IN would drop.
      if (condition.negated && present.length === condition.values.length) return eb.or([eb(column, 'is', null), eb.not(eb(column, 'in', present))]);
      return negate(eb, eb.or(parts), condition.negated);
    }
    case 'compare': {
      const column = `item.${condition.field}` as const;
      if (condition.value === null) return condition.negated ? eb(column, 'is not', null) : eb(column, 'is', null);
      const compared = eb(column, OPERATORS[condition.op], condition.value);
      return condition.negated ? eb.or([eb(column, 'is', null), eb.not(compared)]) : compared;
    }
    case 'label': {
      const labels = condition.labels;
      const has =
        dialect === 'postgres'
          ? sql<SqlBool>`(${sql.ref('item.labels')})::jsonb ?| ${sql.val(labels)}::text[]`
          : sql<SqlBool>`exists (select 1 from json_each(${sql.ref('item.labels')}) where value in (${sql.join(labels)}))`;
      return negate(eb, has, condition.negated);
    }
    case 'text':
      return negate(eb, textWhere([condition], dialect), condition.negated);
  }
}

/** Letters and digits only: what both full-text indexes tokenise words into. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function sqliteText(conditions: readonly TextCondition[]): Expression<SqlBool> {
  // An FTS5 query built from quoted tokens only, so nothing the user typed is read as FTS syntax.
  // A phrase must appear as written; bare words match as prefixes, for search as you type.
  const parts = conditions.flatMap((condition) => {
    const tokens = words(condition.text);
    if (tokens.length === 0) return [];
    return condition.phrase ? [`"${tokens.join(' ')}"`] : tokens.map((token) => `"${token}"*`);
  });
  if (parts.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref('item.rowid')} in (select rowid from item_fts where item_fts match ${parts.join(' ')})`;
}

function postgresText(conditions: readonly TextCondition[]): Expression<SqlBool> {
  const queries = conditions.flatMap((condition) => {
    const tokens = words(condition.text);
    if (tokens.length === 0) return [];
    return condition.phrase
      ? [sql`phraseto_tsquery('simple'::regconfig, ${tokens.join(' ')})`]
      : [sql`to_tsquery('simple'::regconfig, ${tokens.map((token) => `${token}:*`).join(' & ')})`];
  });
  if (queries.length === 0) return sql<SqlBool>`true`;
  // The same expression as item_search_idx, so the GIN index answers it.
  const document = sql`to_tsvector('simple'::regconfig, ${sql.ref('item.title')} || ' ' || ${sql.ref('item.description')} || ' ' || ${sql.ref('item.persona')} || ' ' || ${sql.ref('item.want')} || ' ' || ${sql.ref('item.benefit')})`;
  return sql<SqlBool>`${document} @@ (${sql.join(queries, sql` && `)})`;
}
