import { useCallback, useState, type ReactNode } from 'react';
import { messageOf } from '../api/client';
import { Button } from './button';
import { Dialog } from './dialog';
import { Alert } from './states';
import { useToast } from './toast';

/** Asks before something that cannot be undone, such as a deletion with no trash to restore from. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} size="sm">
      <div className="form">
        {error && <Alert>{error}</Alert>}
        <p className="confirm-text">{children}</p>
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export interface Removal<T> {
  /** What the open dialog asks about; null while it is closed. */
  target: T | null;
  /** Why the last attempt failed, shown in the dialog so the user can retry or cancel. */
  error: string | null;
  ask(target: T): void;
  close(): void;
  /** Runs `remove`; on success toasts `done(target)` and closes, on failure keeps the dialog open with the problem. */
  confirm(remove: (target: T) => Promise<unknown>, done: (target: T) => string): void;
}

/** The state behind a ConfirmDialog that deletes one thing. */
export function useRemoval<T>(): Removal<T> {
  const toast = useToast();
  const [target, setTarget] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = useCallback((next: T) => {
    setError(null);
    setTarget(next);
  }, []);
  const close = useCallback(() => setTarget(null), []);

  const confirm = (remove: (target: T) => Promise<unknown>, done: (target: T) => string) => {
    if (target === null) return;
    const removing = target;
    remove(removing).then(
      () => {
        toast({ message: done(removing), tone: 'success' });
        setTarget(null);
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  };

  return { target, error, ask, close, confirm };
}
