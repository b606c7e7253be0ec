import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, messageOf } from '../../api/client';
import { RoleBadge } from '../../ui/badges';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { Alert, ErrorState, LoadingState } from '../../ui/states';
import { useMe, useSignOut } from '../auth/queries';
import { PublicLayout } from '../shell/public-layout';
import { useAcceptInvite, useInvitePreview } from './queries';

export function InvitePage({ token }: { token: string }) {
  const preview = useInvitePreview(token);
  const me = useMe();

  let content;
  if (preview.isPending || me.isPending) {
    content = <LoadingState label="Opening invite…" />;
  } else if (preview.isError) {
    const invalid = preview.error instanceof ApiError && (preview.error.status === 404 || preview.error.code === 'invite_invalid');
    content = (
      <ErrorState
        title={invalid ? 'This invite link does not work' : 'Could not open the invite'}
        message={invalid ? 'It may have expired, been used already or been revoked. Ask for a new link.' : messageOf(preview.error)}
        action={
          <Link to="/" className="btn btn-secondary">
            Go to Tandem
          </Link>
        }
      />
    );
  } else {
    const invite = preview.data;
    content = (
      <div className="auth-card">
        <p className="eyebrow">You are invited</p>
        <h1 className="auth-title">Join {invite.workspaceName}</h1>
        <div className="invite-facts">
          <div className="member-roles">
            {invite.roles.map((role) => (
              <RoleBadge key={role} role={role} />
            ))}
          </div>
          <p className="muted">
            {invite.email ? `For ${invite.email}. ` : ''}Expires {formatDate(invite.expiresAt)}.
          </p>
        </div>
        {me.data ? <AcceptAsMember token={token} email={me.data.user.email} /> : <AcceptWithAccount token={token} invitedEmail={invite.email} />}
      </div>
    );
  }

  return <PublicLayout>{content}</PublicLayout>;
}

function AcceptAsMember({ token, email }: { token: string; email: string }) {
  const accept = useAcceptInvite(token);
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className="form">
      {accept.isError && <Alert>{messageOf(accept.error)}</Alert>}
      <p>
        You are signed in as <strong>{email}</strong>.
      </p>
      <Button
        variant="primary"
        className="btn-block"
        busy={accept.isPending}
        onClick={() => accept.mutate({}, { onSuccess: ({ workspaceId }) => void navigate({ to: '/w/$workspaceId', params: { workspaceId } }) })}
      >
        Accept and join
      </Button>
      <Button variant="ghost" className="btn-block" onClick={() => signOut.mutate()} busy={signOut.isPending}>
        Use another account
      </Button>
    </div>
  );
}

function AcceptWithAccount({ token, invitedEmail }: { token: string; invitedEmail: string | null }) {
  const accept = useAcceptInvite(token);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(invitedEmail ?? '');
  const [password, setPassword] = useState('');
  const fieldErrors = accept.error instanceof ApiError ? accept.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(
      { name: name.trim(), email: email.trim(), password },
      { onSuccess: ({ workspaceId }) => void navigate({ to: '/w/$workspaceId', params: { workspaceId } }) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {accept.isError && <Alert>{messageOf(accept.error)}</Alert>}
      <TextField label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldErrors.name} />
      <TextField label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint="At least 8 characters."
        error={fieldErrors.password}
      />
      <Button type="submit" variant="primary" className="btn-block" busy={accept.isPending} disabled={!name.trim() || !email.trim() || !password}>
        Create account and join
      </Button>
      <p className="auth-footnote">
        Already have an account?{' '}
        <Link to="/signin" search={{ redirect: `/invite/${token}` }}>
          Sign in first
        </Link>
      </p>
    </form>
  );
}
