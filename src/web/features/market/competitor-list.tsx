import { useId } from 'react';
import { Button } from '../../ui/button';
import { EditIcon, TrashIcon } from '../../ui/icons';
import { MarkdownText } from '../../ui/markdown';
import { hostOf, type Competitor } from './market-model';

type Column = Competitor & { has: number; partial: number };

/** The competitors as cards: who they are, how they position themselves, and what we noted. */
export function CompetitorList({ competitors, capabilities, canManage, onEdit, onDelete }: { competitors: Column[]; capabilities: number; canManage: boolean; onEdit: (competitor: Competitor) => void; onDelete: (competitor: Competitor) => void }) {
  return (
    <div className="competitor-grid">
      {competitors.map((competitor) => (
        <CompetitorCard key={competitor.id} competitor={competitor} capabilities={capabilities} canManage={canManage} onEdit={onEdit} onDelete={onDelete} />
      ))}
    </div>
  );
}

function CompetitorCard({ competitor, capabilities, canManage, onEdit, onDelete }: { competitor: Column; capabilities: number; canManage: boolean; onEdit: (competitor: Competitor) => void; onDelete: (competitor: Competitor) => void }) {
  const headingId = useId();
  return (
    <article className="competitor-card" aria-labelledby={headingId}>
      <header className="competitor-head">
        <div className="competitor-title">
          <h3 id={headingId} className="competitor-name">
            {competitor.name}
          </h3>
          {competitor.website && (
            <a className="competitor-site" href={competitor.website} target="_blank" rel="noopener noreferrer">
              {hostOf(competitor.website)}
            </a>
          )}
        </div>
        {canManage && (
          <div className="competitor-actions">
            <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={() => onEdit(competitor)} aria-label={`Edit “${competitor.name}”`} />
            <Button size="sm" variant="ghost" icon={<TrashIcon />} onClick={() => onDelete(competitor)} aria-label={`Delete “${competitor.name}”`} />
          </div>
        )}
      </header>
      {capabilities > 0 && (
        <p className="competitor-score">
          Has {competitor.has} of {capabilities} capabilities{competitor.partial > 0 ? `, ${competitor.partial} partly` : ''}
        </p>
      )}
      {competitor.positioning ? (
        <div className="competitor-text">
          <MarkdownText text={competitor.positioning} />
        </div>
      ) : (
        <p className="section-empty">No positioning written yet.</p>
      )}
      {competitor.notes && (
        <details className="competitor-notes">
          <summary>Notes</summary>
          <MarkdownText text={competitor.notes} />
        </details>
      )}
    </article>
  );
}
