import { describe, expect, it } from 'vitest';
import { passageProblem } from '../domain/evidence/evidence';
import { DEMO_ITEMS } from './demo-data';
import { DEMO_CUSTOMERS, DEMO_INSIGHTS, DEMO_PERSONAS } from './demo-evidence';

describe('the demo’s customer evidence', () => {
  const refs = new Set(DEMO_ITEMS.flatMap((item) => (item.ref ? [item.ref] : [])));

  it('highlights passages that are the insight’s own words', () => {
    for (const insight of DEMO_INSIGHTS) for (const link of insight.links) expect(passageProblem(insight.text, link.passage), link.passage ?? '').toBeNull();
  });

  it('names only demo items and customers that exist', () => {
    const customers = new Set(DEMO_CUSTOMERS.map((customer) => customer.name));
    for (const insight of DEMO_INSIGHTS) {
      if (insight.customer) expect(customers).toContain(insight.customer);
      for (const link of insight.links) expect(refs).toContain(link.item);
    }
    for (const persona of DEMO_PERSONAS) for (const ref of persona.items) expect(refs).toContain(ref);
  });
});
