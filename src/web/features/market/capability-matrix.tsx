import { Link } from '@tanstack/react-router';
import type { KeyboardEvent } from 'react';
import { Button } from '../../ui/button';
import { EditIcon, TrashIcon } from '../../ui/icons';
import { cellLabel, LEVEL_LABELS, LEVEL_MARKS, levelOfKey, type Capability, type CapabilityLevel, type CapabilityMatrix } from './market-model';

export interface MatrixActions {
  /** Opens a cell (a competitor's, or ours with `competitorId` null) to set its level and note. */
  onOpenCell: (capability: Capability, competitorId: string | null) => void;
  /** Sets a cell's level from a key press, keeping its note. */
  onQuickSet: (capability: Capability, competitorId: string | null, level: CapabilityLevel) => void;
  onEdit: (capability: Capability) => void;
  onDelete: (capability: Capability) => void;
}

function LevelMark({ level }: { level: CapabilityLevel }) {
  return (
    <span className={`market-level market-level-${level}`} aria-hidden="true">
      {LEVEL_MARKS[level]}
    </span>
  );
}

/**
 * The competitor × capability grid. Each cell is a button: Enter or a click
 * opens it with its note; h, p, n or u set its level straight away.
 */
export function CapabilityMatrixTable({ workspaceId, matrix, canManage, actions }: { workspaceId: string; matrix: CapabilityMatrix; canManage: boolean; actions: MatrixActions }) {
  const cell = (capability: Capability, competitorId: string | null, name: string, level: CapabilityLevel, note: string) => {
    const label = cellLabel(name, capability.name, level, note);
    const content = (
      <>
        <LevelMark level={level} />
        <span className="market-cell-text">{LEVEL_LABELS[level]}</span>
        {note && <span className="market-cell-note">{note}</span>}
      </>
    );
    if (!canManage) {
      return (
        <div className="market-cell market-cell-static" title={note || undefined}>
          <span className="visually-hidden">{label}</span>
          <span aria-hidden="true" className="market-cell-inner">
            {content}
          </span>
        </div>
      );
    }
    const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const quick = levelOfKey(event.key);
      if (quick) {
        event.preventDefault();
        actions.onQuickSet(capability, competitorId, quick);
      }
    };
    return (
      <button type="button" className="market-cell" aria-label={`${label}. Enter to edit; h, p, n or u to set`} title={note || undefined} onClick={() => actions.onOpenCell(capability, competitorId)} onKeyDown={onKeyDown}>
        <span className="market-cell-inner">{content}</span>
      </button>
    );
  };

  return (
    <div className="market-table-wrap" role="region" aria-label="Capability matrix" tabIndex={0}>
      <table className="market-table market-table-stacking">
        <thead>
          <tr>
            <th scope="col">Capability</th>
            <th scope="col" className="market-us">
              Us
            </th>
            {matrix.competitors.map((competitor) => (
              <th key={competitor.id} scope="col">
                {competitor.name}
              </th>
            ))}
            <th scope="col">Coverage</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map(({ capability, cells, coverage }) => (
            <tr key={capability.id} className={coverage.isGap ? 'market-row-gap' : undefined}>
              <th scope="row" className="market-capability">
                <div className="market-capability-inner">
                  <span className="market-capability-name">{capability.name}</span>
                  {capability.item && (
                    <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId: capability.productId, itemKey: capability.item.key }} className="market-item-link" title={capability.item.title}>
                      {capability.item.key}
                    </Link>
                  )}
                  {canManage && (
                    <span className="market-row-actions">
                      <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={() => actions.onEdit(capability)} aria-label={`Edit “${capability.name}”`} />
                      <Button size="sm" variant="ghost" icon={<TrashIcon />} onClick={() => actions.onDelete(capability)} aria-label={`Delete “${capability.name}”`} />
                    </span>
                  )}
                </div>
              </th>
              <td className="market-us" data-label="Us">{cell(capability, null, 'Us', capability.ourLevel, '')}</td>
              {cells.map((entry, index) => (
                <td key={entry.competitorId} data-label={matrix.competitors[index]!.name}>{cell(capability, entry.competitorId, matrix.competitors[index]!.name, entry.level, entry.note)}</td>
              ))}
              <td className="market-coverage" data-label="Coverage">
                <span>
                  {coverage.isGap && <span className="badge market-badge-gap">Gap</span>}
                  {coverage.isDifferentiator && <span className="badge market-badge-lead">Ahead</span>}
                  <span className="market-coverage-text">{coverage.summary}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
