import { useId, useState, type FormEvent } from 'react';
import { INSIGHT_KINDS, INSIGHT_SOURCES } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { Alert } from '../../ui/states';
import { CSV_EXAMPLE, csvProblems, KIND_LABELS, plural, segmentName, SOURCE_LABELS, todayDate, type Insight, type InsightKind, type InsightSource, type Segment } from './evidence-model';
import { useCreateInsight, useCustomers, useImportInsights, useUpdateInsight, type ImportResult } from './queries';

/**
 * Captures one piece of evidence: the words, where they came from, when, from
 * whom; with `insight`, edits it (its links keep their passages only while the
 * text still holds them).
 */
export function InsightFormDialog({
  workspaceId,
  productId,
  insight = null,
  segments,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  productId: string;
  insight?: Insight | null;
  segments: readonly Segment[] | undefined;
  onClose: () => void;
  onSaved: (insight: Insight) => void;
}) {
  const customers = useCustomers(workspaceId);
  const create = useCreateInsight(workspaceId, productId);
  const update = useUpdateInsight(workspaceId, productId);
  const [text, setText] = useState(insight?.text ?? '');
  const [kind, setKind] = useState<InsightKind>(insight?.kind ?? 'quote');
  const [source, setSource] = useState<InsightSource>(insight?.source ?? 'interview');
  const [observedOn, setObservedOn] = useState(insight?.observedOn ?? todayDate());
  const [customerId, setCustomerId] = useState(insight?.customer?.id ?? '');
  const [url, setUrl] = useState(insight?.url ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setErrors({ text: 'Write what the customer said or what you saw.' });
    setErrors({});
    setError(null);
    const fields = { text: text.trim(), kind, source, customerId: customerId || null, url: url.trim() || null };
    const handlers = {
      onSuccess: onSaved,
      onError: (failure: unknown) => {
        const problems = failure instanceof ApiError ? failure.fieldErrors : {};
        if (Object.keys(problems).length > 0) setErrors(problems);
        else setError(messageOf(failure));
      },
    };
    if (insight) update.mutate({ insight, update: { ...fields, ...(observedOn && { observedOn }) } }, handlers);
    else create.mutate({ ...fields, observedOn: observedOn || undefined }, handlers);
  };

  const customerOptions = [
    { value: '', label: customers.isPending ? 'Loading the customers…' : 'No customer' },
    ...(customers.data ?? []).map((customer) => {
      const segment = segmentName(segments, customer.segmentId);
      return { value: customer.id, label: segment ? `${customer.name} (${segment})` : customer.name };
    }),
  ];

  return (
    <Dialog
      open
      onClose={onClose}
      title={insight ? 'Edit the insight' : 'Add an insight'}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="insight-form" variant="primary" busy={create.isPending || update.isPending}>
            {insight ? 'Save' : 'Add insight'}
          </Button>
        </>
      }
    >
      <form id="insight-form" className="form" onSubmit={submit} noValidate>
        {error && <Alert>{error}</Alert>}
        <TextAreaField label="Quote or note" rows={4} value={text} onChange={(event) => setText(event.target.value)} error={errors.text} hint="A quote in the customer’s own words, or your note of what you saw." maxLength={10_000} />
        <div className="form-row">
          <SelectField label="Kind" value={kind} onChange={(event) => setKind(event.target.value as InsightKind)} options={INSIGHT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))} />
          <SelectField label="Source" value={source} onChange={(event) => setSource(event.target.value as InsightSource)} error={errors.source} options={INSIGHT_SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] }))} />
          <TextField label="Date" type="date" value={observedOn} onChange={(event) => setObservedOn(event.target.value)} error={errors.observedOn} />
        </div>
        <SelectField
          label="Customer"
          value={customerId}
          onChange={(event) => setCustomerId(event.target.value)}
          error={errors.customerId ?? (customers.isError ? `Could not load the customers: ${messageOf(customers.error)}` : undefined)}
          options={customerOptions}
          hint="Their segment and revenue count toward the demand of every item the insight is linked to."
        />
        <TextField label="Link to the original" type="url" value={url} onChange={(event) => setUrl(event.target.value)} error={errors.url} placeholder="https://" hint="A call recording, a ticket, a review: optional." />
      </form>
    </Dialog>
  );
}

/**
 * Uploads a CSV file of insights. The server takes the whole file or none of
 * it; when it refuses, every bad cell is listed by line so the file can be
 * fixed and sent again.
 */
export function CsvUploadDialog({ workspaceId, productId, onClose }: { workspaceId: string; productId: string; onClose: () => void }) {
  const upload = useImportInsights(workspaceId, productId);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const id = useId();
  const failure = upload.error;
  const problems = failure instanceof ApiError ? csvProblems(failure.problem) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    upload.mutate(file, { onSuccess: setResult });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Upload insights from a CSV file"
      footer={
        <>
          <Button onClick={onClose}>{result ? 'Done' : 'Cancel'}</Button>
          <Button type="submit" form="insight-upload" variant="primary" busy={upload.isPending} disabled={!file}>
            Upload
          </Button>
        </>
      }
    >
      <form id="insight-upload" className="form" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-file`}>
            CSV file
          </label>
          <input
            id={`${id}-file`}
            className="input"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-help`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
              upload.reset();
            }}
          />
        </div>
        <div id={`${id}-help`} className="evidence-csv-help">
          <p>
            The first line names the columns: <code>text</code> (required), <code>source</code> ({INSIGHT_SOURCES.join(', ')}), <code>date</code> (YYYY-MM-DD, today when empty),{' '}
            <code>customer</code> (matched by name; a new name becomes a new customer), <code>url</code> and <code>kind</code> (quote or note). Nothing is imported if any row is wrong.
          </p>
          <pre className="evidence-csv-example">{CSV_EXAMPLE}</pre>
        </div>
        {result && (
          <Alert tone="info">
            <strong>Imported {plural(result.created, 'insight')}.</strong>{' '}
            {result.customersCreated.length === 0 ? 'Every customer was already known.' : `New customers: ${result.customersCreated.join(', ')}.`}
          </Alert>
        )}
        {failure ? (
          <div role="alert" className="evidence-csv-problems">
            <p>
              <strong>
                {problems.length > 0
                  ? `Nothing was imported: ${plural(problems.length, 'problem')} in the file. Fix ${problems.length === 1 ? 'it' : 'them'} and upload the file again.`
                  : messageOf(failure)}
              </strong>
            </p>
            {problems.length > 0 && (
              <ul aria-label="Problems in the file">
                {problems.map((problem, index) => (
                  <li key={index}>
                    <span className="evidence-csv-where">{problem.where}</span> {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
