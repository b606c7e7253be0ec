import { useState, type FormEvent } from 'react';
import { RELEASE_STATUSES } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { Alert } from '../../ui/states';
import { useSaveRelease } from './queries';
import { RELEASE_STATUS_LABELS, type Release, type ReleaseStatus } from './release-model';

const statusOptions = RELEASE_STATUSES.map((status) => ({ value: status, label: RELEASE_STATUS_LABELS[status] }));

/** Creates a release or edits one: name, target date, status and a description. */
export function ReleaseFormDialog({ productId, release, onClose, onSaved }: { productId: string; release: Release | null; onClose: () => void; onSaved: (release: Release, created: boolean) => void }) {
  const [name, setName] = useState(release?.name ?? '');
  const [targetDate, setTargetDate] = useState(release?.targetDate ?? '');
  const [status, setStatus] = useState<ReleaseStatus>(release?.status ?? 'planned');
  const [description, setDescription] = useState(release?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useSaveRelease(productId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setFieldErrors({ name: 'Give the release a name' });
    setError(null);
    setFieldErrors({});
    const fields = { name: name.trim(), targetDate: targetDate || null, status, description };
    save.mutate(release ? { release, update: fields } : { create: fields }, {
      onSuccess: (saved) => onSaved(saved, release === null),
      onError: (failure) => {
        if (failure instanceof ApiError && Object.keys(failure.fieldErrors).length > 0) setFieldErrors(failure.fieldErrors);
        setError(messageOf(failure));
      },
    });
  };

  return (
    <Dialog open onClose={onClose} title={release ? `Edit “${release.name}”` : 'New release'}>
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{error}</Alert>}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name} maxLength={120} placeholder="Onboarding 2.0" />
        <div className="form-row">
          <TextField
            label="Target date"
            type="date"
            value={targetDate}
            onChange={(event) => setTargetDate(event.target.value)}
            error={fieldErrors.targetDate}
            hint="The forecast is read against it; leave it empty for no date"
          />
          <SelectField label="Status" value={status} onChange={(event) => setStatus(event.target.value as ReleaseStatus)} options={statusOptions} error={fieldErrors.status} />
        </div>
        <TextAreaField label="Description" value={description} onChange={(event) => setDescription(event.target.value)} rows={3} hint="Markdown; what the release gives its users" />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {release ? 'Save release' : 'Create release'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
