import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner" role="status">
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state" aria-busy="true">
      <Spinner label={label} />
      <p className="state-text">{label}</p>
    </div>
  );
}

export function EmptyState({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state">
      {icon && <div className="state-icon">{icon}</div>}
      <h2 className="state-title">{title}</h2>
      {children && <p className="state-text">{children}</p>}
      {action && <div className="state-action">{action}</div>}
    </div>
  );
}

export function ErrorState({ title = 'Something went wrong', message, action }: { title?: string; message: string; action?: ReactNode }) {
  return (
    <div className="state" role="alert">
      <div className="state-icon state-icon-danger">
        <AlertIcon width={20} height={20} />
      </div>
      <h2 className="state-title">{title}</h2>
      <p className="state-text">{message}</p>
      {action && <div className="state-action">{action}</div>}
    </div>
  );
}

export function Alert({ tone = 'danger', children }: { tone?: 'danger' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <AlertIcon />
      <div>{children}</div>
    </div>
  );
}

export function SkeletonRows({ count = 8 }: { count?: number }) {
  return (
    <div className="skeleton-list" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="skeleton-row">
          <span className="skeleton skeleton-dot" />
          <span className="skeleton skeleton-key" />
          <span className="skeleton skeleton-title" style={{ width: `${40 + ((index * 37) % 45)}%` }} />
        </div>
      ))}
    </div>
  );
}
