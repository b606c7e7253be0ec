import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { INSIGHT_IMPORTANCES } from '../../../contracts/vocabulary';
import { ApiError, messageOf } from '../../api/client';
import { Button } from '../../ui/button';
import { CloseIcon, EditIcon, LinkIcon, TrashIcon } from '../../ui/icons';
import { Alert } from '../../ui/states';
import { formatDate } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { highlightParts, IMPORTANCE_LABELS, KIND_LABELS, passageFromSelection, segmentName, SOURCE_LABELS, type Insight, type InsightImportance, type Segment } from './evidence-model';
import { ItemPicker, type PickedItem } from './item-picker';
import { useLinkInsight } from './queries';

/** The insight's words with each linked passage drawn as a `<mark>` named after the items it speaks for. */
export function InsightText({ insight, onSelect }: { insight: Insight; onSelect?: (passage: string) => void }) {
  const ref = useRef<HTMLParagraphElement>(null);

  // Words selected inside the text become the passage to link, with the mouse or the keyboard alike.
  useEffect(() => {
    if (!onSelect) return;
    const onChange = () => {
      const selection = window.getSelection();
      const box = ref.current;
      if (!selection || selection.isCollapsed || !box || !selection.anchorNode || !selection.focusNode) return;
      if (!box.contains(selection.anchorNode) || !box.contains(selection.focusNode)) return;
      const passage = passageFromSelection(selection.toString(), insight.text);
      if (passage) onSelect(passage);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [insight.text, onSelect]);

  return (
    <p ref={ref} className={`insight-text insight-${insight.kind}`}>
      {highlightParts(insight.text, insight.links).map((part, index) =>
        part.importance ? (
          <mark key={index} className={`passage passage-${part.importance}`} title={part.links.map((link) => `${link.item.key} · ${IMPORTANCE_LABELS[link.importance]}`).join('\n')}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function ImportanceBadge({ importance }: { importance: InsightImportance }) {
  return <span className={`badge importance importance-${importance}`}>{IMPORTANCE_LABELS[importance]}</span>;
}

/** Who said it and where: customer (with segment), source, kind, date and the original, if linked. */
export function InsightMeta({ insight, segments }: { insight: Insight; segments: readonly Segment[] | undefined }) {
  const segment = insight.customer ? segmentName(segments, insight.customer.segmentId) : null;
  return (
    <p className="insight-meta">
      <span className="insight-customer">{insight.customer ? insight.customer.name : 'No customer'}</span>
      {segment && <span className="badge insight-segment">{segment}</span>}
      <span>{SOURCE_LABELS[insight.source]}</span>
      <span>{KIND_LABELS[insight.kind]}</span>
      <time dateTime={insight.observedOn}>{formatDate(`${insight.observedOn}T12:00:00`)}</time>
      {insight.url && (
        <a href={insight.url} target="_blank" rel="noopener noreferrer nofollow">
          Original
        </a>
      )}
    </p>
  );
}

/**
 * One insight in the inbox: its text with the linked passages highlighted,
 * who said it, the items it is linked to, and, for those who keep the
 * evidence, linking (select words in the text to take them as the passage),
 * unlinking and deleting.
 */
export function InsightCard({
  workspaceId,
  productId,
  insight,
  segments,
  canManage,
  onEdit,
  onDelete,
}: {
  workspaceId: string;
  productId: string;
  insight: Insight;
  segments: readonly Segment[] | undefined;
  canManage: boolean;
  onEdit: (insight: Insight) => void;
  onDelete: (insight: Insight) => void;
}) {
  const [linking, setLinking] = useState(false);
  const [passage, setPassage] = useState('');
  const link = useLinkInsight(workspaceId, productId);
  const toast = useToast();
  const headingId = useId();
  const firstWords = insight.text.length > 60 ? `${insight.text.slice(0, 57)}…` : insight.text;

  const unlink = (itemId: string, key: string) =>
    link.mutate(
      { insightId: insight.id, itemId, remove: true },
      {
        onSuccess: () => toast({ message: `Unlinked from ${key}`, tone: 'success' }),
        onError: (failure) => toast({ message: `Not unlinked: ${messageOf(failure)}`, tone: 'danger' }),
      },
    );

  return (
    <article className="insight-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="visually-hidden">
        {insight.customer ? `${insight.customer.name}: ` : ''}
        {firstWords}
      </h3>
      <InsightText
        insight={insight}
        onSelect={
          canManage
            ? (selected) => {
                setPassage(selected);
                setLinking(true);
              }
            : undefined
        }
      />
      <InsightMeta insight={insight} segments={segments} />
      {insight.links.length > 0 && (
        <ul className="insight-links" aria-label="Linked items">
          {insight.links.map((entry) => (
            <li key={entry.item.id} className={`insight-link importance-edge-${entry.importance}`}>
              <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey: entry.item.key }} className="insight-link-item" title={entry.passage ? `“${entry.passage}”` : 'The whole insight'}>
                <span className="evidence-key">{entry.item.key}</span> {entry.item.title}
              </Link>
              <ImportanceBadge importance={entry.importance} />
              {canManage && (
                <button type="button" className="icon-btn icon-btn-sm" aria-label={`Unlink ${entry.item.key}`} disabled={link.isPending} onClick={() => unlink(entry.item.id, entry.item.key)}>
                  <CloseIcon />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <div className="insight-actions">
          {!linking && (
            <Button size="sm" icon={<LinkIcon />} onClick={() => setLinking(true)}>
              Link to an item
            </Button>
          )}
          <Button size="sm" variant="ghost" icon={<EditIcon />} aria-label={`Edit the insight “${firstWords}”`} onClick={() => onEdit(insight)}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" icon={<TrashIcon />} aria-label={`Delete the insight “${firstWords}”`} onClick={() => onDelete(insight)}>
            Delete
          </Button>
        </div>
      )}
      {canManage && linking && (
        <LinkForm
          workspaceId={workspaceId}
          productId={productId}
          insight={insight}
          passage={passage}
          onPassage={setPassage}
          onDone={() => {
            setLinking(false);
            setPassage('');
          }}
        />
      )}
    </article>
  );
}

/** Links the insight to one item with an importance and, optionally, the passage that asks for it. */
function LinkForm({ workspaceId, productId, insight, passage, onPassage, onDone }: { workspaceId: string; productId: string; insight: Insight; passage: string; onPassage: (passage: string) => void; onDone: () => void }) {
  const [item, setItem] = useState<PickedItem | null>(null);
  const [importance, setImportance] = useState<InsightImportance>('important');
  const [error, setError] = useState<string | null>(null);
  const [passageError, setPassageError] = useState<string | null>(null);
  const link = useLinkInsight(workspaceId, productId);
  const toast = useToast();
  const id = useId();
  const linked = insight.links.map((entry) => entry.item.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!item) return setError('Pick the item this insight speaks for.');
    const words = passage.trim();
    if (words && !insight.text.includes(words)) return setPassageError('The passage must be words of the insight, exactly as written.');
    setError(null);
    setPassageError(null);
    link.mutate(
      { insightId: insight.id, itemId: item.id, body: { passage: words || null, importance } },
      {
        onSuccess: () => {
          toast({ message: `Linked to ${item.key}`, tone: 'success' });
          onDone();
        },
        onError: (failure) => {
          const fields = failure instanceof ApiError ? failure.fieldErrors : {};
          if (fields.passage) setPassageError(fields.passage);
          else setError(messageOf(failure));
        },
      },
    );
  };

  return (
    <form className="form insight-link-form" onSubmit={submit} aria-label="Link to an item">
      {error && <Alert>{error}</Alert>}
      {item ? (
        <div className="field">
          <span className="field-label">Item</span>
          <span className="insight-picked">
            <span className="evidence-key">{item.key}</span> {item.title}
            <button type="button" className="icon-btn icon-btn-sm" aria-label={`Choose another item than ${item.key}`} onClick={() => setItem(null)}>
              <CloseIcon />
            </button>
          </span>
        </div>
      ) : (
        <ItemPicker productId={productId} label="Item" taken={linked} onPick={setItem} autoFocus />
      )}
      <div className={`field${passageError ? ' field-invalid' : ''}`}>
        <label className="field-label" htmlFor={`${id}-passage`}>
          Passage
        </label>
        <textarea
          id={`${id}-passage`}
          className="input textarea insight-passage"
          rows={2}
          value={passage}
          placeholder="Select words in the insight above, or type them"
          aria-invalid={passageError ? true : undefined}
          aria-describedby={`${id}-passage-note`}
          onChange={(event) => {
            onPassage(event.target.value);
            setPassageError(null);
          }}
        />
        <p id={`${id}-passage-note`} className={passageError ? 'field-error' : 'field-hint'}>
          {passageError ?? 'The exact words that ask for the item; leave empty to link the whole insight.'}
        </p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-importance`}>
          Importance
        </label>
        <select id={`${id}-importance`} className="input select" value={importance} onChange={(event) => setImportance(event.target.value as InsightImportance)}>
          {INSIGHT_IMPORTANCES.map((value) => (
            <option key={value} value={value}>
              {IMPORTANCE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" busy={link.isPending}>
          Link
        </Button>
      </div>
    </form>
  );
}
