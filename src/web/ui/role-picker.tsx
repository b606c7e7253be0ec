import { ROLES } from '../../contracts/vocabulary';
import type { Role } from '../api/types';
import { ROLE_LABELS } from './badges';

export const ROLE_HINTS: Record<Role, string> = {
  owner: 'Everything, including members and invites',
  product_manager: 'Strategy, roadmap and products',
  product_owner: 'Backlog order, stories and sprints',
  contributor: 'Creates and updates work items',
  stakeholder: 'Reads and comments',
  viewer: 'Reads only',
};

export function RolePicker({ legend, value, onChange, disabled }: { legend: string; value: Role[]; onChange: (roles: Role[]) => void; disabled?: boolean }) {
  const toggle = (role: Role, checked: boolean) => onChange(checked ? ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  return (
    <fieldset className="role-picker" disabled={disabled}>
      <legend className="field-label">{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className="check">
          <input type="checkbox" checked={value.includes(role)} onChange={(event) => toggle(role, event.target.checked)} />
          <span className="check-text">
            <span className="check-label">{ROLE_LABELS[role]}</span>
            <span className="check-hint">{ROLE_HINTS[role]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
