import { Link } from '@tanstack/react-router';
import { Button } from '../../ui/button';
import { EditIcon, TrashIcon } from '../../ui/icons';
import { INCLUSION_LABELS, INCLUSION_MARKS, type Packaging, type PlanInclusion, type PricingPlan } from './market-model';

export interface PackagingActions {
  onOpenCell: (feature: Packaging['rows'][number]['feature'], plan: PricingPlan, inclusion: PlanInclusion | null, note: string) => void;
  onEditPlan: (plan: PricingPlan) => void;
  onDeletePlan: (plan: PricingPlan) => void;
}

/** Plans as columns (name and price), our packaged features as rows, each cell saying how the feature comes with the plan. */
export function PackagingGrid({ workspaceId, productId, packaging, canManage, actions }: { workspaceId: string; productId: string; packaging: Packaging; canManage: boolean; actions: PackagingActions }) {
  const { plans, rows } = packaging;
  return (
    <div className="market-table-wrap" role="region" aria-label="Packaging grid" tabIndex={0}>
      <table className="market-table packaging-table market-table-stacking">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            {plans.map((plan) => (
              <th key={plan.id} scope="col" className="plan-head">
                <div className="plan-head-inner">
                  <span className="plan-name">{plan.name}</span>
                  <span className="plan-price">{plan.priceLabel}</span>
                  {plan.description && <span className="plan-description">{plan.description}</span>}
                  {canManage && (
                    <span className="plan-actions">
                      <Button size="sm" variant="ghost" icon={<EditIcon />} onClick={() => actions.onEditPlan(plan)} aria-label={`Edit the plan “${plan.name}”`} />
                      <Button size="sm" variant="ghost" icon={<TrashIcon />} onClick={() => actions.onDeletePlan(plan)} aria-label={`Delete the plan “${plan.name}”`} />
                    </span>
                  )}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={plans.length + 1} className="section-empty packaging-empty">
                No feature is in a plan yet.{canManage && ' Use “Package a feature” to say which plans include it.'}
              </td>
            </tr>
          )}
          {rows.map(({ feature, cells }) => (
            <tr key={feature.id}>
              <th scope="row" className="market-capability">
                <div className="market-capability-inner">
                  <Link to="/w/$workspaceId/p/$productId/items/$itemKey" params={{ workspaceId, productId, itemKey: feature.key }} className="market-item-link">
                    {feature.key}
                  </Link>
                  <span className="market-capability-name">{feature.title}</span>
                </div>
              </th>
              {cells.map((cell, index) => {
                const plan = plans[index]!;
                const text = cell.inclusion ? INCLUSION_LABELS[cell.inclusion] : 'Not in the plan';
                const label = `${feature.title} in ${plan.name}: ${text.toLowerCase()}${cell.note ? `. ${cell.note}` : ''}`;
                const content = (
                  <span className="market-cell-inner">
                    <span className={`plan-mark plan-mark-${cell.inclusion ?? 'absent'}`} aria-hidden="true">
                      {cell.inclusion ? INCLUSION_MARKS[cell.inclusion] : '—'}
                    </span>
                    <span className="market-cell-text">{cell.inclusion ? text : ''}</span>
                    {cell.note && <span className="market-cell-note">{cell.note}</span>}
                  </span>
                );
                return (
                  <td key={cell.planId} data-label={`${plan.name} · ${plan.priceLabel}`}>
                    {canManage ? (
                      <button type="button" className="market-cell" aria-label={`${label}. Enter to change`} onClick={() => actions.onOpenCell(feature, plan, cell.inclusion, cell.note)}>
                        {content}
                      </button>
                    ) : (
                      <div className="market-cell market-cell-static">
                        <span className="visually-hidden">{label}</span>
                        <span aria-hidden="true">{content}</span>
                      </div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
