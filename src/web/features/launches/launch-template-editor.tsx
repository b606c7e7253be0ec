import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import { Button } from '../../ui/button';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { offsetText, rowsOf, tasksOf, type TemplateRow } from './launch-model';
import { useLaunchTemplate, useSaveTemplate } from './queries';

/** What the number next to a task means, in words. */
function offsetHint(typed: string): string {
  if (typed.trim() === '') return 'no due date';
  const days = Number(typed);
  if (!Number.isInteger(days)) return 'whole days';
  return days < 0 ? `days before the target (${offsetText(days)})` : days === 0 ? 'days before: on the target date' : 'days before the target';
}

/**
 * The product's launch template: the tasks every release's checklist starts
 * from, each due some days before the target. Saving changes future
 * checklists (and "Add missing template tasks"), never the tasks already made.
 */
export function LaunchTemplateEditor({ productId, productKey }: { productId: string; productKey?: string }) {
  const template = useLaunchTemplate(productId);
  const save = useSaveTemplate(productId);
  const toast = useToast();
  const counter = useRef(0);
  const nextKey = () => `row-${counter.current++}`;
  const [rows, setRows] = useState<TemplateRow[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    if (template.data && rows === null) setRows(rowsOf(template.data, nextKey));
    // Seeded once from the server; afterwards the rows are the user's until saved.
  }, [template.data, rows]);

  const update = (index: number, patch: Partial<TemplateRow>) => setRows((current) => current && current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) =>
    setRows((current) => {
      if (!current) return current;
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rows || !template.data) return;
    setError(null);
    setErrors({});
    save.mutate(
      { tasks: tasksOf(rows), version: template.data.version },
      {
        onSuccess: (saved) => {
          setRows(rowsOf(saved, nextKey));
          toast({ message: 'Launch template saved', tone: 'success' });
        },
        onError: (failure) => {
          if (isStale(failure)) {
            setError('Someone else saved the template meanwhile. Their version is loaded; make your change again.');
            setRows(null);
            void template.refetch();
          } else if (failure instanceof ApiError && Object.keys(failure.fieldErrorsByPath).length > 0) setErrors(failure.fieldErrorsByPath);
          else setError(messageOf(failure));
        },
      },
    );
  };

  return (
    <section className="launch-section" aria-labelledby={headingId}>
      <details className="launch-template">
        <summary>
          <h2 id={headingId} className="launch-section-title launch-template-title">
            Launch template{productKey ? ` of ${productKey}` : ''}
          </h2>
          <span className="launch-template-hint">{template.data?.saved === false ? 'the default six tasks' : 'what every checklist starts from'}</span>
        </summary>
        {template.isError && <Alert>Could not load the template: {messageOf(template.error)}</Alert>}
        {rows && (
          <form className="launch-template-form" onSubmit={submit} noValidate>
            <p className="field-hint">
              Every release’s checklist starts from these tasks, in this order, each due the given number of days before the release’s target date (leave it empty for no due
              date; a negative number falls after the target). Changes apply to the next checklist and to “Add missing template tasks”; tasks already on a checklist stay as they are.
            </p>
            {error && <Alert>{error}</Alert>}
            {errors.tasks && <Alert>{errors.tasks}</Alert>}
            <ol className="launch-template-rows">
              {rows.map((row, index) => (
                <li key={row.key} className="launch-template-row">
                  <div className="launch-template-fields">
                    <label className="visually-hidden" htmlFor={`${row.key}-title`}>
                      Task {index + 1} title
                    </label>
                    <input
                      id={`${row.key}-title`}
                      className="input input-sm"
                      value={row.title}
                      maxLength={200}
                      onChange={(event) => update(index, { title: event.target.value })}
                      aria-invalid={errors[`tasks.${index}.title`] ? true : undefined}
                    />
                    <label className="launch-template-offset">
                      <input
                        type="number"
                        className="input input-sm"
                        value={row.offsetDays}
                        min={-365}
                        max={365}
                        step={1}
                        onChange={(event) => update(index, { offsetDays: event.target.value })}
                        aria-label={`Days before the target for task ${index + 1}`}
                        aria-invalid={errors[`tasks.${index}.offsetDays`] ? true : undefined}
                      />
                      <span className="launch-template-offset-text">{offsetHint(row.offsetDays)}</span>
                    </label>
                    <span className="launch-template-row-actions">
                      <Button size="sm" variant="ghost" icon={<ArrowUpIcon />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move task ${index + 1} up`} />
                      <Button size="sm" variant="ghost" icon={<ArrowDownIcon />} disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={`Move task ${index + 1} down`} />
                      <Button
                        size="sm"
                        variant="ghost"
                        icon={<TrashIcon />}
                        disabled={rows.length === 1}
                        onClick={() => setRows(rows.filter((_, at) => at !== index))}
                        aria-label={`Remove task ${index + 1}`}
                      />
                    </span>
                  </div>
                  {(errors[`tasks.${index}.title`] || errors[`tasks.${index}.offsetDays`]) && (
                    <p className="field-error">{errors[`tasks.${index}.title`] ?? errors[`tasks.${index}.offsetDays`]}</p>
                  )}
                </li>
              ))}
            </ol>
            <div className="form-actions launch-template-actions">
              <Button icon={<PlusIcon />} onClick={() => setRows([...rows, { key: nextKey(), title: '', offsetDays: '' }])} disabled={rows.length >= 50}>
                Add a task
              </Button>
              <Button type="submit" variant="primary" busy={save.isPending}>
                Save template
              </Button>
            </div>
          </form>
        )}
      </details>
    </section>
  );
}
