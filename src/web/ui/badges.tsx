import type { ItemType, Readiness, Role, StatusCategory } from '../api/types';

export const TYPE_LABELS: Record<ItemType, string> = { epic: 'Epic', feature: 'Feature', story: 'Story', task: 'Task', bug: 'Bug' };
/** What each status category means; a status's own name comes from the product's workflow. */
export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  backlog: 'Backlog',
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  canceled: 'Canceled',
};
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  product_manager: 'Product manager',
  product_owner: 'Product owner',
  contributor: 'Contributor',
  stakeholder: 'Stakeholder',
  viewer: 'Viewer',
};

export function TypeIcon({ type }: { type: ItemType }) {
  return (
    <span className={`type-icon type-${type}`} title={TYPE_LABELS[type]}>
      <span className="visually-hidden">{TYPE_LABELS[type]}</span>
    </span>
  );
}

export function TypeBadge({ type }: { type: ItemType }) {
  return (
    <span className={`badge badge-type type-${type}`}>
      <span className="type-swatch" aria-hidden="true" />
      {TYPE_LABELS[type]}
    </span>
  );
}

/**
 * A status as a small ring that fills as work progresses (its category), with
 * its name from the product's workflow.
 */
export function StatusBadge({ status, compact = false }: { status: { name: string; category: StatusCategory }; compact?: boolean }) {
  return (
    <span className={`status status-${status.category}${compact ? ' status-compact' : ''}`} title={status.name}>
      <span className="status-ring" aria-hidden="true" />
      <span className={compact ? 'visually-hidden' : 'status-label'}>{status.name}</span>
    </span>
  );
}

export function StatusRing({ category }: { category: StatusCategory }) {
  return (
    <span className={`status status-compact status-${category}`} aria-hidden="true">
      <span className="status-ring" />
    </span>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge-role role-${role}`}>{ROLE_LABELS[role]}</span>;
}

export function Avatar({ name, size = 24 }: { name: string; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return (
    <span className="avatar" aria-hidden="true" style={{ width: size, height: size, fontSize: size * 0.42, ['--avatar-hue' as string]: hash }}>
      {initials || '?'}
    </span>
  );
}

/**
 * A story's readiness for a sprint as a small mark: a filled check when ready,
 * an open ring when not, with the server's reasons in the tooltip and for screen readers.
 */
export function ReadinessMark({ readiness }: { readiness: Readiness }) {
  const text = readiness.ready ? 'Ready' : `Not ready: ${readiness.reasons.map((reason) => reason.message).join('; ')}`;
  return (
    <span className={`readiness-mark ${readiness.ready ? 'is-ready' : 'is-not-ready'}`} title={text} data-ready={readiness.ready}>
      <span className="readiness-glyph" aria-hidden="true">
        {readiness.ready ? '✓' : '!'}
      </span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
