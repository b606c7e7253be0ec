import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import type { Product } from '../../api/types';
import { Button } from '../../ui/button';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useReplaceScoringCriteria } from './queries';

interface CriterionRow {
  rowId: string;
  id?: string;
  name: string;
  weight: string;
}

let localIds = 0;
const toRows = (criteria: Product['scoringCriteria']): CriterionRow[] => criteria.map((criterion) => ({ rowId: criterion.id, id: criterion.id, name: criterion.name, weight: String(criterion.weight) }));
const toInput = (rows: readonly CriterionRow[]) => rows.map((row) => ({ ...(row.id ? { id: row.id } : {}), name: row.name.trim(), weight: Number(row.weight) }));

/** The criteria and weights of the product's weighted score; saving recomputes every stored weighted score. */
export function ScoringCriteriaForm({ workspaceId, product, readOnly }: { workspaceId: string; product: Product; readOnly: boolean }) {
  const replace = useReplaceScoringCriteria(workspaceId);
  const toast = useToast();
  const [rows, setRows] = useState<CriterionRow[]>(() => toRows(product.scoringCriteria));
  const baseline = useRef(product.scoringCriteria);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: 'danger' | 'warning'; text: string } | null>(null);
  const dirty = JSON.stringify(toInput(rows)) !== JSON.stringify(toInput(toRows(baseline.current)));

  useEffect(() => {
    if (dirty || product.scoringCriteria === baseline.current) return;
    baseline.current = product.scoringCriteria;
    setRows(toRows(product.scoringCriteria));
  }, [product.scoringCriteria, dirty]);

  const update = (index: number, patch: Partial<CriterionRow>) => setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    rows.forEach((row, index) => {
      if (!row.name.trim()) problems[`criteria.${index}.name`] = 'A criterion needs a name.';
      const weight = Number(row.weight);
      if (row.weight.trim() === '' || !Number.isFinite(weight) || weight < 0 || weight > 1000) problems[`criteria.${index}.weight`] = 'A weight is a number from 0 to 1000.';
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setNotice(null);
    replace.mutate(
      { product, body: toInput(rows) },
      {
        onSuccess: (saved) => {
          baseline.current = saved.scoringCriteria;
          setRows(toRows(saved.scoringCriteria));
          toast({ message: 'Scoring criteria saved; weighted scores recomputed', tone: 'success' });
        },
        onError: (error) => {
          if (isStale(error)) setNotice({ tone: 'warning', text: 'Someone else changed this product at the same moment. Save again to apply your criteria over theirs.' });
          else if (error instanceof ApiError && Object.keys(error.fieldErrorsByPath).length > 0) setErrors(error.fieldErrorsByPath);
          else setNotice({ tone: 'danger', text: `Not saved: ${messageOf(error)}` });
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="criteria-heading">
      <h2 id="criteria-heading" className="card-title">
        Scoring criteria
      </h2>
      <p className="card-text">The criteria of this product’s weighted score, such as revenue or strategic fit, and how much each counts. An item’s weighted score is the weighted average of its values.</p>
      <form onSubmit={submit} noValidate className="form">
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {rows.length === 0 ? (
          <p className="section-empty">No criteria yet.</p>
        ) : (
          <ol className="settings-list" aria-label="Scoring criteria">
            {rows.map((row, index) => {
              const label = row.name.trim() || `criterion ${index + 1}`;
              const nameError = errors[`criteria.${index}.name`];
              const weightError = errors[`criteria.${index}.weight`];
              return (
                <li key={row.rowId} className="settings-row criteria-row">
                  <div className={`field${nameError ? ' field-invalid' : ''}`}>
                    <input className="input" value={row.name} maxLength={120} onChange={(event) => update(index, { name: event.target.value })} aria-label={`Name of ${label}`} aria-invalid={nameError ? true : undefined} disabled={readOnly} />
                    {nameError && <p className="field-error">{nameError}</p>}
                  </div>
                  <div className={`field${weightError ? ' field-invalid' : ''}`}>
                    <input className="input" type="number" min={0} max={1000} step="any" value={row.weight} onChange={(event) => update(index, { weight: event.target.value })} aria-label={`Weight of ${label}`} aria-invalid={weightError ? true : undefined} disabled={readOnly} />
                    {weightError && <p className="field-error">{weightError}</p>}
                  </div>
                  {!readOnly && (
                    <button type="button" className="icon-btn icon-btn-sm" aria-label={`Remove ${label}`} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
                      <CloseIcon />
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {!readOnly && (
          <div className="form-actions">
            <Button icon={<PlusIcon />} className="form-actions-start" onClick={() => setRows([...rows, { rowId: `new-${++localIds}`, name: '', weight: '1' }])} disabled={rows.length >= 50}>
              Add criterion
            </Button>
            <Button
              onClick={() => {
                setRows(toRows(product.scoringCriteria));
                baseline.current = product.scoringCriteria;
                setErrors({});
                setNotice(null);
              }}
              disabled={!dirty}
            >
              Discard changes
            </Button>
            <Button type="submit" variant="primary" busy={replace.isPending} disabled={!dirty}>
              Save criteria
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
