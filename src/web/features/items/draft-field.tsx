import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ItemChange } from '../../api/item-editor';
import type { Item } from '../../api/types';

/** How one save went: `conflict` means someone else changed the same thing first; the page explains. */
export type SaveResult = 'saved' | 'conflict' | 'failed';

/** What every editable part of the item page is given. */
export interface Editing {
  item: Item;
  /** Nothing but what `mayEdit` names may change (a contributor's own work, say), or nothing at all. */
  readOnly: boolean;
  /** Whether this field may change (see edit-rights.ts); true for every field when not readOnly. */
  mayEdit: (field: string) => boolean;
  /** Saves one change; `fields` are the paths whose old error messages a success clears. */
  commit: (change: ItemChange, fields: string[]) => Promise<SaveResult>;
  /** The server's field errors, by path (`estimate`, `customFields.abc`, `acceptanceCriteria.1.then`). */
  errors: Record<string, string>;
}

/** The message for a field or anything beneath it (`labels` also finds `labels.2`). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  return Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}

export interface DraftFieldProps {
  label: ReactNode;
  /** The value on the server, as text. */
  value: string;
  /** Called with the value the user started from and the new one, when the field is left changed. */
  onSave: (start: string, next: string) => Promise<SaveResult>;
  disabled?: boolean;
  error?: string;
  hint?: ReactNode;
  type?: 'text' | 'number' | 'date';
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  /** Check before sending; a message here is shown instead of saving. */
  validate?: (next: string) => string | null;
  className?: string;
  inputProps?: Record<string, string | number | undefined>;
}

/**
 * A field that edits one value of the item in place and saves when left
 * (blur or Enter). While the user types, changes from others do not overwrite
 * the draft; the save then finds the conflict instead of losing either text.
 */
export function DraftField({ label, value, onSave, disabled, error, hint, type = 'text', multiline, placeholder, maxLength, validate, className, inputProps }: DraftFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [start, setStart] = useState(value);
  const [localError, setLocalError] = useState<string | null>(null);
  const dirty = draft !== start;

  // Follow the server while the user has nothing unsaved here.
  useEffect(() => {
    if (!dirty) {
      setDraft(value);
      setStart(value);
    }
  }, [value, dirty]);

  const save = async () => {
    if (!dirty) return;
    const problem = validate?.(draft) ?? null;
    setLocalError(problem);
    if (problem) return;
    const result = await onSave(start, draft);
    if (result === 'saved') setStart(draft);
    // Their value is now the one to replace: saving again overwrites it on purpose.
    else if (result === 'conflict') setStart(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && dirty) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(start);
      setLocalError(null);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  const shown = localError ?? error;
  const describedBy = shown ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const common = {
    id,
    className: `input${multiline ? ' textarea' : ''}`,
    value: draft,
    disabled,
    placeholder: disabled ? undefined : placeholder,
    maxLength,
    'aria-invalid': shown ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: () => void save(),
    onKeyDown,
    ...inputProps,
  };
  return (
    <div className={`field${shown ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} {...common} />}
      {shown ? (
        <p id={`${id}-error`} className="field-error">
          {shown}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A control's value while its save is on the way: the control shows what the
 * user chose at once, then whatever the server answered (which is the old
 * value again when the save was refused).
 */
export function usePending<T>(): [T | undefined, (value: T, save: () => Promise<unknown>) => Promise<void>] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const latest = useRef(0);
  const run = useCallback(async (value: T, save: () => Promise<unknown>) => {
    const token = ++latest.current;
    setPending({ value });
    try {
      await save();
    } finally {
      // Only the last choice clears it; an earlier answer must not flash the old value back.
      if (token === latest.current) setPending(null);
    }
  }, []);
  return [pending?.value, run];
}

/** `usePending` for a set of controls keyed by id (checkboxes in a list). */
export function usePendingMap<T>(): [(id: string) => T | undefined, (id: string, value: T, save: () => Promise<unknown>) => Promise<void>] {
  const [pending, setPending] = useState<ReadonlyMap<string, { value: T; token: number }>>(() => new Map());
  const counter = useRef(0);
  const run = useCallback(async (id: string, value: T, save: () => Promise<unknown>) => {
    const token = ++counter.current;
    setPending((current) => new Map(current).set(id, { value, token }));
    try {
      await save();
    } finally {
      setPending((current) => {
        if (current.get(id)?.token !== token) return current;
        const next = new Map(current);
        next.delete(id);
        return next;
      });
    }
  }, []);
  const get = useCallback((id: string) => pending.get(id)?.value, [pending]);
  return [get, run];
}
