import { Link } from '@tanstack/react-router';
import type { Release } from '../releases/release-model';
import { readinessText } from './launch-model';
import './launch-link.css';

/** A release card's launch line: readiness of its checklist, and the way to it. */
export function LaunchLink({ workspaceId, release }: { workspaceId: string; release: Release }) {
  const { readiness } = release;
  const percent = readiness.percent ?? 0;
  return (
    <div className="release-launch">
      {readiness.total > 0 && (
        <div
          className="release-launch-meter"
          role="progressbar"
          aria-label={`Launch readiness of “${release.name}”`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={readinessText(readiness)}
        >
          <div className={`release-launch-fill${percent === 100 ? ' release-launch-full' : ''}`} style={{ width: `${percent}%` }} />
        </div>
      )}
      <span className="release-launch-text">{readiness.total > 0 ? readinessText(readiness) : 'No launch checklist yet'}</span>
      <Link to="/w/$workspaceId/p/$productId/releases/$releaseId/launch" params={{ workspaceId, productId: release.productId, releaseId: release.id }} className="release-launch-link">
        Launch checklist and notes<span className="visually-hidden"> of “{release.name}”</span>
      </Link>
    </div>
  );
}
