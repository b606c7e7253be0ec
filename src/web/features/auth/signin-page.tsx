import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Redirect } from '../../app/redirect';
import { messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { Alert, LoadingState } from '../../ui/states';
import { PublicLayout } from '../shell/public-layout';
import { useMe, useSignIn } from './queries';
import { safeRedirect } from './safe-redirect';

export function SignInPage({ redirect }: { redirect?: string }) {
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const target = safeRedirect(redirect);

  if (me.isPending) {
    return (
      <PublicLayout>
        <LoadingState />
      </PublicLayout>
    );
  }
  if (me.data && !signIn.isPending) return <Redirect href={target} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate({ href: target, replace: true }) });
  };

  return (
    <PublicLayout>
      <div className="auth-card">
        <h1 className="auth-title">Sign in to Tandem</h1>
        <p className="auth-subtitle">Strategy, backlog and outcomes in one place.</p>
        <form className="form" onSubmit={submit} noValidate>
          {signIn.isError && <Alert>{messageOf(signIn.error)}</Alert>}
          {me.isError && <Alert>{messageOf(me.error)}</Alert>}
          <TextField label="Email" type="email" name="email" autoComplete="username" autoFocus required value={email} onChange={(e) => setEmail(e.target.value)} />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" variant="primary" className="btn-block" busy={signIn.isPending} disabled={!email || !password}>
            Sign in
          </Button>
        </form>
      </div>
    </PublicLayout>
  );
}
