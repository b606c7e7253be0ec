import { describe, expect, it } from 'vitest';
import { canParent } from '../domain/backlog/hierarchy';
import { syntheticItem } from './demo-data';
import { planPortfolio, PORTFOLIO, type SeededItem } from './synthetic-portfolio';

const backlog = (count: number): SeededItem[] => Array.from({ length: count }, (_, n) => ({ id: `item-${n}`, type: syntheticItem(n).type }));

describe('the benchmark portfolio plan', () => {
  it('puts features under epics and work under them, only where the hierarchy allows', () => {
    const items = backlog(12_000);
    const plan = planPortfolio(items);
    expect(plan.features).toHaveLength(PORTFOLIO.features);
    expect(plan.epics).toHaveLength(PORTFOLIO.features / PORTFOLIO.featuresPerEpic);
    expect(plan.epics.flat()).toEqual(plan.features);
    for (const { child, parent } of plan.children) expect(canParent(items[parent]!.type, items[child]!.type)).toBe(true);
    expect(new Set(plan.children.map(({ child }) => child)).size).toBe(plan.children.length);
    // Nothing goes under a feature that is not under an epic, and every such feature gets work.
    const features = new Set(plan.features);
    const underFeatures = plan.children.filter(({ parent }) => items[parent]!.type === 'feature');
    expect(underFeatures.every(({ parent }) => features.has(parent))).toBe(true);
    expect(new Set(underFeatures.map(({ parent }) => parent)).size).toBe(PORTFOLIO.features);
  });

  it('re-parents a third to a half of a large backlog, and tasks and bugs sit under a story', () => {
    const items = backlog(100_000);
    const plan = planPortfolio(items);
    const share = (plan.children.length + plan.features.length) / items.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    const belowStories = plan.children.filter(({ parent }) => items[parent]!.type === 'story');
    expect(belowStories.length).toBeGreaterThan(0);
    expect(belowStories.every(({ child }) => ['task', 'bug'].includes(items[child]!.type))).toBe(true);
  });

  it('plans nothing below a backlog without features', () => {
    expect(planPortfolio(backlog(5))).toEqual({ epics: [], children: [], features: [] });
  });
});
