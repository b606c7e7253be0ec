import { parseQuery, type QueryTerm } from '../domain/backlog/query';
import { TandemError } from '../domain/errors';
import { parseItemRef } from '../domain/items';
import type { Scope } from './access.service';
import type { ItemCondition, ItemFilter, ProductRecord, Repositories } from './ports';

type QueryRepositories = Pick<Repositories, 'members' | 'sprints' | 'items'>;

const invalid = (message: string, column: number) => new TandemError('invalid_query', `${message} at column ${column}`, { column });

/**
 * Reads a filter query (`type:story status:ready assignee:me "export"`) into
 * conditions the store can run: status keys are checked against the product's
 * workflow, `me`, emails, sprint names and item keys become ids. A name that
 * matches nothing is an error at its column; `sprint:current` with no running
 * sprint simply matches no item.
 */
export async function resolveItemQuery(query: string, scope: Scope, product: ProductRecord, repos: QueryRepositories): Promise<ItemFilter> {
  const terms = parseQuery(query);
  const conditions: ItemCondition[] = [];
  for (const term of terms) conditions.push(await resolve(term, scope, product, repos));
  return conditions;
}

async function resolve(term: QueryTerm, scope: Scope, product: ProductRecord, repos: QueryRepositories): Promise<ItemCondition> {
  const { negated, column } = term;
  switch (term.kind) {
    case 'type':
      return { kind: 'in', field: 'type', values: term.values, negated };
    case 'status': {
      for (const value of term.values) {
        if (!product.workflow.some((status) => status.key === value.key)) {
          const known = product.workflow.map((status) => status.key).join(', ');
          throw invalid(`no status "${value.key}" in this product's workflow (it has: ${known})`, value.column);
        }
      }
      return { kind: 'in', field: 'status', values: term.values.map((value) => value.key), negated };
    }
    case 'category': {
      const keys = product.workflow.filter((status) => term.values.includes(status.category)).map((status) => status.key);
      return keys.length > 0 ? { kind: 'in', field: 'status', values: keys, negated } : negated ? { kind: 'in', field: 'status', values: [], negated: true } : { kind: 'nothing' };
    }
    case 'label':
      return { kind: 'label', labels: term.values, negated };
    case 'assignee': {
      const members = await repos.members.list(scope.workspaceId);
      const values = term.values.map((value) => {
        if (value.kind === 'me') return scope.actor.userId;
        if (value.kind === 'none') return null;
        const member = members.find((candidate) => candidate.email.toLowerCase() === value.email);
        if (!member) throw invalid(`no member with the email ${value.email}`, column);
        return member.userId;
      });
      return { kind: 'in', field: 'assigneeId', values, negated };
    }
    case 'sprint': {
      const sprints = await repos.sprints.listByProduct(scope.workspaceId, product.id);
      const values: Array<string | null> = [];
      for (const value of term.values) {
        if (value.kind === 'none') values.push(null);
        else if (value.kind === 'current') values.push(...sprints.filter((sprint) => sprint.state === 'active').map((sprint) => sprint.id));
        else if (value.kind === 'next') values.push(...sprints.filter((sprint) => sprint.state === 'planned').slice(0, 1).map((sprint) => sprint.id));
        else {
          const named = sprints.find((sprint) => sprint.name.toLowerCase() === value.name.toLowerCase());
          if (!named) throw invalid(`no sprint named "${value.name}" in this product`, column);
          values.push(named.id);
        }
      }
      if (values.length === 0) return negated ? { kind: 'in', field: 'sprintId', values: [], negated: true } : { kind: 'nothing' };
      return { kind: 'in', field: 'sprintId', values, negated };
    }
    case 'parent': {
      const ids: string[] = [];
      for (const key of term.keys) {
        const ref = parseItemRef(key);
        const found = ref.kind === 'key' ? await repos.items.findByKey([scope.workspaceId], ref.productKey, ref.number) : [];
        const parent = found.find((item) => item.productId === product.id);
        if (!parent) throw invalid(`no item ${key} in this product`, column);
        ids.push(parent.id);
      }
      return { kind: 'in', field: 'parentId', values: ids, negated };
    }
    case 'is': {
      const flags: Record<typeof term.flag, ItemCondition> = {
        blocked: { kind: 'blocked', value: !negated },
        unblocked: { kind: 'blocked', value: negated },
        estimated: { kind: 'compare', field: 'estimate', op: 'eq', value: null, negated: !negated },
        unestimated: { kind: 'compare', field: 'estimate', op: 'eq', value: null, negated },
        ready: { kind: 'ready', value: !negated },
        unready: { kind: 'ready', value: negated },
      };
      return flags[term.flag];
    }
    case 'points':
      return { kind: 'compare', field: 'estimate', op: term.op, value: term.value, negated };
    case 'due':
      return { kind: 'compare', field: 'dueDate', op: term.op, value: term.value, negated };
    case 'text':
      return { kind: 'text', text: term.text, phrase: term.quoted, negated };
  }
}
