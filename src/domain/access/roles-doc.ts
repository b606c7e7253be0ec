import { ROLES } from '../../contracts/vocabulary';
import type { Role } from '../../contracts/access.schema';
import { ACTIONS, PERMISSIONS } from './permissions';

export const ROLE_SUMMARIES: Record<Role, string> = {
  owner: 'Runs the workspace: everything, including members and roles.',
  product_manager: 'Owns strategy, roadmap, pricing and launches.',
  product_owner: 'Owns backlog order, story acceptance and sprint scope.',
  contributor: 'Updates the work they do.',
  stakeholder: 'Reads and comments.',
  viewer: 'Reads.',
};

/** Renders docs/roles.md from the permission matrix, so the two never disagree. */
export function renderRolesDoc(): string {
  const header = `| action | ${ROLES.join(' | ')} | what it allows |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = ACTIONS.map((action) => {
    const allowed: readonly Role[] = PERMISSIONS[action].roles;
    const cells = ROLES.map((role) => (allowed.includes(role) ? 'yes' : '—'));
    return `| \`${action}\` | ${cells.join(' | ')} | ${PERMISSIONS[action].description} |`;
  });
  const roles = ROLES.map((role) => `- **${role}** — ${ROLE_SUMMARIES[role]}`);
  return [
    '# Roles and permissions',
    '',
    '<!-- Generated from src/domain/access/permissions.ts by `npm run docs:roles`; a test fails when it drifts. -->',
    '',
    'Every member of a workspace holds one or more roles; a member may do whatever any of their roles allows.',
    'Every API route checks one action below. A request for something in a workspace the caller is not a',
    'member of answers 404, so the existence of other workspaces never leaks; a member lacking the role gets 403.',
    '',
    ...roles,
    '',
    header,
    rule,
    ...rows,
    '',
    'Personal actions — signing in and out, reading your own profile, managing your own API tokens — need only',
    'a signed-in account. The last owner of a workspace can be neither removed nor demoted.',
    '',
  ].join('\n');
}
