import { useCallback, useId, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import { messageOf } from '../../api/client';
import type { Item } from '../../api/types';
import { Button } from '../../ui/button';
import { CloseIcon } from '../../ui/icons';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { rolesIn, useMe } from '../auth/queries';
import { useProducts } from '../shell/queries';
import { MatrixCandidates } from './matrix-candidates';
import { MatrixChart } from './matrix-chart';
import { describePlace, formatRating, MATRIX_POINT_CAP, pointOfItem, QUADRANTS, quadrantOf, tableOrder, withPending, type MatrixPoint, type Ratings } from './matrix-model';
import { useMatrix, useMatrixWrites } from './matrix-queries';
import './matrix-page.css';

const scoreFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/**
 * `/w/:workspaceId/p/:productId/matrix`: the product's items by value and
 * effort, moved by drag or keyboard to re-score them, with a table of the
 * same points for precise reading and for screen readers.
 */
export function MatrixPage({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const me = useMe();
  const roles = rolesIn(me.data, workspaceId);
  const canScore = isAllowed(roles, 'item.score');
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const matrix = useMatrix(productId);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const onFailed = useCallback((point: MatrixPoint, error: unknown) => {
    setFailure(`${point.key} could not be saved there, so it is back where it was. ${messageOf(error)}`);
  }, []);
  const { pending, save } = useMatrixWrites(productId, onFailed);

  const points = useMemo(() => withPending(matrix.data?.points ?? [], pending), [matrix.data, pending]);
  const plottedIds = useMemo(() => new Set(points.map((point) => point.itemId)), [points]);
  const savingIds = useMemo(() => new Set(pending.keys()), [pending]);

  // A fresh message each time, so the same words said twice are still announced.
  const announce = useCallback((message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message)), []);

  const move = useCallback(
    (point: MatrixPoint, ratings: Ratings) => {
      setFailure(null);
      save(point, ratings);
    },
    [save],
  );

  // Added from the keyboard, the new point takes focus, so the arrow keys can place it straight away.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const add = (item: Item, ratings: Ratings, fromKeyboard: boolean) => {
    setFailure(null);
    save(pointOfItem(item, ratings), ratings);
    if (fromKeyboard) setFocusKey(item.key);
    announce(`Added ${item.key} at ${describePlace(ratings)}${fromKeyboard ? '; the arrow keys move it' : ''}`);
  };

  let body;
  if (matrix.isPending) body = <LoadingState label="Loading the matrix…" />;
  else if (matrix.isError && !matrix.data) {
    body = <ErrorState title="Could not load the matrix" message={messageOf(matrix.error)} action={<Button onClick={() => void matrix.refetch()}>Try again</Button>} />;
  } else if (points.length === 0 && !canScore) {
    body = (
      <EmptyState title="Nothing on the matrix yet">
        Once product owners or managers rate items by value and effort, they show up here, sorted into quick wins, big bets, fill-ins and time sinks.
      </EmptyState>
    );
  } else {
    body = (
      <>
        {matrix.data?.capped && <Alert tone="info">The matrix shows the first {MATRIX_POINT_CAP.toLocaleString('en')} scored items; the others are left off.</Alert>}
        {matrix.isError && (
          <p className="field-error" role="alert">
            Could not refresh the matrix: {messageOf(matrix.error)}
          </p>
        )}
        <div className={`matrix-layout${canScore ? '' : ' matrix-layout-read'}`}>
          <section className="matrix-card" aria-label="Matrix">
            {points.length === 0 && (
              <p className="matrix-empty">
                <strong>No item has a value/effort score yet.</strong> Add items from the list, then drag each one to where it belongs: up for more value, right for
                more effort.
              </p>
            )}
            <MatrixChart points={points} canScore={canScore} savingIds={savingIds} onMove={move} announce={announce} focusKey={focusKey} />
          </section>
          {canScore && <MatrixCandidates productId={productId} plottedIds={plottedIds} onAdd={add} />}
        </div>
        {points.length > 0 && <MatrixTable workspaceId={workspaceId} productId={productId} points={points} />}
      </>
    );
  }

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">Prioritisation matrix</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            <span>{canScore ? 'Value against effort: drag an item, or move it with the arrow keys, to re-score it' : 'Value against effort'}</span>
          </p>
        </div>
      </div>
      <div className="matrix-content">
        {failure && (
          <div className="matrix-failure">
            <Alert>{failure}</Alert>
            <button type="button" className="icon-btn" aria-label="Dismiss the error" onClick={() => setFailure(null)}>
              <CloseIcon />
            </button>
          </div>
        )}
        <p className="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
        {body}
      </div>
    </div>
  );
}

function MatrixTable({ workspaceId, productId, points }: { workspaceId: string; productId: string; points: readonly MatrixPoint[] }) {
  const captionId = useId();
  const rows = useMemo(() => tableOrder(points), [points]);
  return (
    <section className="matrix-table-wrap" aria-labelledby={captionId}>
      <h2 id={captionId} className="matrix-side-title">
        Items on the matrix ({rows.length})
      </h2>
      <div className="matrix-table-scroll">
        <table className="matrix-table">
          <thead>
            <tr>
              <th scope="col" className="matrix-key-col">
                Key
              </th>
              <th scope="col">Title</th>
              <th scope="col" className="matrix-num">
                Value
              </th>
              <th scope="col" className="matrix-num">
                Effort
              </th>
              <th scope="col">Quadrant</th>
              <th scope="col" className="matrix-num">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((point) => (
              <tr key={point.itemId}>
                <td className="matrix-key-col">
                  <ItemLink workspaceId={workspaceId} productId={productId} itemKey={point.key} />
                </td>
                <td className="matrix-title-cell">
                  {/* On a phone the key column gives its width to the title and the key moves here; only one of the two is ever shown. */}
                  <ItemLink workspaceId={workspaceId} productId={productId} itemKey={point.key} inline />
                  {point.title}
                </td>
                <td className="matrix-num">{formatRating(point.value)}</td>
                <td className="matrix-num">{formatRating(point.effort)}</td>
                <td>
                  <span className={`matrix-quadrant-tag matrix-quadrant-tag-${quadrantOf(point)}`}>{QUADRANTS[quadrantOf(point)].name}</span>
                </td>
                <td className="matrix-num" title={point.explanation}>
                  {scoreFormat.format(point.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ItemLink({ workspaceId, productId, itemKey, inline = false }: { workspaceId: string; productId: string; itemKey: string; inline?: boolean }) {
  return (
    <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey }} className={inline ? 'matrix-key-link matrix-key-inline' : 'matrix-key-link'}>
      {itemKey}
    </Link>
  );
}
