import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { isStale } from '../../api/item-editor';
import type { Product } from '../../api/types';
import { Button } from '../../ui/button';
import { TextAreaField } from '../../ui/field';
import { EditIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { Alert } from '../../ui/states';
import { useSaveVision } from './queries';

interface Draft {
  vision: string;
  strategy: string;
  /**
   * The version the edit started from: a save over someone else's newer one
   * is refused. Null once the user has been told of theirs: the next save
   * goes over the version now loaded.
   */
  base: Product | null;
}

/** The product's vision (where it is going) and strategy (how it means to get there), read as Markdown and edited in place. */
export function VisionSection({ workspaceId, product, canEdit }: { workspaceId: string; product: Product; canEdit: boolean }) {
  const save = useSaveVision(workspaceId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const open = () => {
    setDraft({ vision: product.vision, strategy: product.strategy, base: product });
    setErrors({});
    setProblem(null);
  };

  const submit = async (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    if (!draft) return;
    const base = draft.base ?? product;
    if (draft.vision === base.vision && draft.strategy === base.strategy) return setDraft(null);
    setProblem(null);
    try {
      await save.mutateAsync({ product: base, vision: draft.vision, strategy: draft.strategy });
      setDraft(null);
    } catch (error) {
      if (isStale(error)) {
        // Keep what the user typed; the next save goes over the newer version.
        setProblem('Someone else changed the vision or strategy meanwhile. Save again to replace their version with yours, or cancel to read theirs.');
        setDraft({ ...draft, base: null });
        return;
      }
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(messageOf(error));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
    if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    }
  };

  return (
    <section className="strategy-section" aria-labelledby="vision-heading">
      <div className="section-head">
        <h2 id="vision-heading" className="section-title">
          Vision and strategy
        </h2>
        {canEdit && !draft && (
          <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={open}>
            Edit vision and strategy
          </Button>
        )}
      </div>
      {draft ? (
        <form className="form vision-form" onSubmit={(event) => void submit(event)}>
          {problem && <Alert tone="warning">{problem}</Alert>}
          <TextAreaField
            label="Vision (Markdown)"
            value={draft.vision}
            onChange={(event) => setDraft({ ...draft, vision: event.target.value })}
            onKeyDown={onKeyDown}
            rows={3}
            maxLength={20_000}
            autoFocus
            error={errors.vision}
            hint="Where the product is going: the change it makes for its users, in a sentence or two."
          />
          <TextAreaField
            label="Strategy (Markdown)"
            value={draft.strategy}
            onChange={(event) => setDraft({ ...draft, strategy: event.target.value })}
            onKeyDown={onKeyDown}
            rows={8}
            maxLength={50_000}
            error={errors.strategy}
            hint="How it means to get there: the few choices that say what you will and will not do. Ctrl+Enter saves."
          />
          <div className="form-actions">
            <Button onClick={() => setDraft(null)}>Cancel</Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              Save vision and strategy
            </Button>
          </div>
        </form>
      ) : (
        <div className="vision-grid">
          <div className="vision-block">
            <h3 className="vision-label">Vision</h3>
            {product.vision.trim() ? <MarkdownText text={product.vision} /> : <p className="section-empty">No vision written yet: where is the product going, and what changes for its users when it gets there?</p>}
          </div>
          <div className="vision-block">
            <h3 className="vision-label">Strategy</h3>
            {product.strategy.trim() ? <MarkdownText text={product.strategy} /> : <p className="section-empty">No strategy written yet: the few choices that say how the vision will be reached, and what you will not do.</p>}
          </div>
        </div>
      )}
    </section>
  );
}
