import { useState, type FormEvent } from 'react';
import { isAllowed } from '../../../domain/access/permissions';
import { ApiError, messageOf } from '../../api/client';
import type { Invite, InviteCreated, Member, Me, Role } from '../../api/types';
import { Avatar, RoleBadge } from '../../ui/badges';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { TextField } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { CopyIcon, LinkIcon, UsersIcon } from '../../ui/icons';
import { RolePicker } from '../../ui/role-picker';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useCreateInvite, useInvites, useMembers, useRemoveMember, useRevokeInvite, useSetMemberRoles } from './queries';

export function MembersPage({ workspaceId }: { workspaceId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canInvite = isAllowed(roles, 'member.invite');
  const canManage = isAllowed(roles, 'member.update_roles');
  const canRemove = isAllowed(roles, 'member.remove');
  const members = useMembers(workspaceId);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const workspaceName = me.data?.workspaces.find((workspace) => workspace.id === workspaceId)?.name;

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Members</h1>
          <p className="page-subtitle">
            {workspaceName}
            {members.data && ` · ${members.data.length} ${members.data.length === 1 ? 'member' : 'members'}`}
          </p>
        </div>
      </div>

      <div className="page-content">
        <section aria-labelledby="members-heading" className="card">
          <h2 id="members-heading" className="card-title">
            People
          </h2>
          {members.isPending ? (
            <LoadingState label="Loading members…" />
          ) : members.isError ? (
            <ErrorState title="Could not load members" message={messageOf(members.error)} action={<Button onClick={() => void members.refetch()}>Try again</Button>} />
          ) : members.data.length === 0 ? (
            <EmptyState icon={<UsersIcon width={20} height={20} />} title="No members" />
          ) : (
            <ul className="member-list">
              {members.data.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  me={me.data ?? null}
                  canManage={canManage}
                  canRemove={canRemove}
                  onEdit={() => setEditing(member)}
                  onRemove={() => setRemoving(member)}
                />
              ))}
            </ul>
          )}
        </section>

        {canInvite && <InvitesSection workspaceId={workspaceId} />}
      </div>

      <EditRolesDialog workspaceId={workspaceId} member={editing} onClose={() => setEditing(null)} />
      <RemoveMemberDialog workspaceId={workspaceId} member={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}

function MemberRow({
  member,
  me,
  canManage,
  canRemove,
  onEdit,
  onRemove,
}: {
  member: Member;
  me: Me | null;
  canManage: boolean;
  canRemove: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const isSelf = me?.user.id === member.userId;
  return (
    <li className="member-row">
      <Avatar name={member.name} size={32} />
      <div className="member-main">
        <span className="member-name">
          {member.name}
          {isSelf && <span className="member-you"> (you)</span>}
        </span>
        <span className="member-email">{member.email}</span>
      </div>
      <div className="member-roles">
        {member.roles.map((role) => (
          <RoleBadge key={role} role={role} />
        ))}
      </div>
      <span className="member-joined">Joined {formatDate(member.joinedAt)}</span>
      {(canManage || canRemove) && (
        <div className="member-actions">
          {canManage && (
            <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Change roles of ${member.name}`}>
              Roles
            </Button>
          )}
          {canRemove && (
            <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove ${member.name}`}>
              Remove
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function EditRolesDialog({ workspaceId, member, onClose }: { workspaceId: string; member: Member | null; onClose: () => void }) {
  return (
    <Dialog open={member !== null} onClose={onClose} title={member ? `Roles of ${member.name}` : ''} description="Permissions are the union of the roles a member holds.">
      {member && <EditRolesForm key={member.userId} workspaceId={workspaceId} member={member} onClose={onClose} />}
    </Dialog>
  );
}

function EditRolesForm({ workspaceId, member, onClose }: { workspaceId: string; member: Member; onClose: () => void }) {
  const setRoles = useSetMemberRoles(workspaceId);
  const toast = useToast();
  const [roles, setRolesState] = useState<Role[]>(member.roles);
  const stale = setRoles.error instanceof ApiError && setRoles.error.status === 412;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRoles.mutate(
      { member, roles },
      {
        onSuccess: (updated) => {
          toast({ message: `Updated the roles of ${updated.name}`, tone: 'success' });
          onClose();
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      {setRoles.isError && <Alert>{stale ? 'Someone else changed this member meanwhile. Close this dialog and try again.' : messageOf(setRoles.error)}</Alert>}
      <RolePicker legend="Roles" value={roles} onChange={setRolesState} />
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={setRoles.isPending} disabled={roles.length === 0}>
          Save roles
        </Button>
      </div>
    </form>
  );
}

function RemoveMemberDialog({ workspaceId, member, onClose }: { workspaceId: string; member: Member | null; onClose: () => void }) {
  const remove = useRemoveMember(workspaceId);
  const toast = useToast();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={member !== null} onClose={close} title="Remove member" size="sm">
      {member && (
        <div className="form">
          {remove.isError && <Alert>{messageOf(remove.error)}</Alert>}
          <p>
            <strong>{member.name}</strong> ({member.email}) will lose access to this workspace. Their past work stays.
          </p>
          <div className="form-actions">
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() =>
                remove.mutate(member, {
                  onSuccess: () => {
                    toast({ message: `Removed ${member.name}` });
                    close();
                  },
                })
              }
            >
              Remove
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function InvitesSection({ workspaceId }: { workspaceId: string }) {
  const invites = useInvites(workspaceId, true);
  const create = useCreateInvite(workspaceId);
  const revoke = useRevokeInvite(workspaceId);
  const [roles, setRoles] = useState<Role[]>(['contributor']);
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<InviteCreated | null>(null);
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { roles, ...(email.trim() ? { email: email.trim() } : {}) },
      {
        onSuccess: (invite) => {
          setCreated(invite);
          setEmail('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading" className="card-title">
        Invite people
      </h2>
      <p className="card-text">Create a link and send it to the person you want to invite. Links work once and expire after 7 days.</p>
      <form className="form invite-form" onSubmit={submit} noValidate>
        {create.isError && <Alert>{messageOf(create.error)}</Alert>}
        <RolePicker legend="Roles for the new member" value={roles} onChange={setRoles} />
        <TextField
          label="Email (optional)"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          hint="Only this address can accept when set."
          error={fieldErrors.email}
          autoComplete="off"
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" icon={<LinkIcon />} busy={create.isPending} disabled={roles.length === 0}>
            Create invite link
          </Button>
        </div>
      </form>
      {created && <CreatedInvite invite={created} />}

      <h3 className="card-subtitle">Pending invites</h3>
      {invites.isPending ? (
        <LoadingState label="Loading invites…" />
      ) : invites.isError ? (
        <Alert>{messageOf(invites.error)}</Alert>
      ) : invites.data.length === 0 ? (
        <p className="muted">No pending invites.</p>
      ) : (
        <ul className="invite-list">
          {invites.data.map((invite: Invite) => (
            <li key={invite.id} className="invite-row">
              <div className="invite-main">
                <span>{invite.email ?? 'Anyone with the link'}</span>
                <span className="muted">Expires {formatDate(invite.expiresAt)}</span>
              </div>
              <div className="member-roles">
                {invite.roles.map((role) => (
                  <RoleBadge key={role} role={role} />
                ))}
              </div>
              <Button size="sm" variant="ghost" busy={revoke.isPending && revoke.variables?.id === invite.id} onClick={() => revoke.mutate(invite)} aria-label={`Revoke invite for ${invite.email ?? 'anyone with the link'}`}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CreatedInvite({ invite }: { invite: InviteCreated }) {
  const toast = useToast();
  const link = `${window.location.origin}${invite.path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      toast({ message: 'Invite link copied', tone: 'success' });
    } catch {
      toast({ message: 'Copying is blocked here; select the link and copy it by hand.', tone: 'danger' });
    }
  };
  return (
    <div className="invite-created" role="status">
      <p className="invite-created-title">Invite link ready. It is shown only once.</p>
      <div className="copy-row">
        <label htmlFor="invite-link" className="visually-hidden">
          Invite link
        </label>
        <input id="invite-link" className="input input-mono" readOnly value={link} onFocus={(event) => event.target.select()} />
        <Button icon={<CopyIcon />} onClick={() => void copy()}>
          Copy
        </Button>
      </div>
    </div>
  );
}
