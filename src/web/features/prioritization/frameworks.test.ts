import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formFromInputs, previewRequest } from './frameworks';

describe('scoring forms', () => {
  it('RICE sends confidence as a fraction and impact from the fixed choices', () => {
    const check = checkForm('rice', { fields: { reach: '500', impact: '2', confidence: '80', effort: '2' }, responses: [] });
    expect(check).toEqual({ ok: true, body: { framework: 'rice', inputs: { reach: 500, impact: 2, confidence: 0.8, effort: 2 } } });
  });

  it('an incomplete form is not an error yet; a wrong value is', () => {
    const incomplete = checkForm('rice', { fields: { impact: '1', reach: '10' }, responses: [] });
    expect(incomplete).toMatchObject({ ok: false, incomplete: true });
    const wrong = checkForm('rice', { fields: { impact: '1', reach: '10', confidence: '120', effort: '0' }, responses: [] });
    expect(wrong).toMatchObject({ ok: false, incomplete: false, errors: { confidence: 'At most 100.', effort: 'More than 0.' } });
    expect(checkForm('ice', { fields: { impact: '0', confidence: '5', ease: 'x' }, responses: [] })).toMatchObject({ errors: { impact: 'At least 1.', ease: 'Enter a number.' } });
  });

  it('weighted takes a value per product criterion and previews with their weights', () => {
    const criteria = [
      { id: 'c1', name: 'Revenue', weight: 3 },
      { id: 'c2', name: 'Strategic fit', weight: 1 },
    ];
    const check = checkForm('weighted', { fields: { c1: '4', c2: '2' }, responses: [] }, criteria);
    expect(check).toEqual({ ok: true, body: { framework: 'weighted', inputs: { values: { c1: 4, c2: 2 } } } });
    if (!check.ok) throw new Error('unreachable');
    expect(previewRequest(check.body, criteria)).toEqual({
      path: '/prioritization/evaluate',
      body: { framework: 'weighted', inputs: { criteria, values: { c1: 4, c2: 2 } } },
    });
    expect(checkForm('weighted', emptyForm('weighted'), [])).toMatchObject({ ok: false, errors: { criteria: expect.any(String) } });
  });

  it('Kano previews through the classifier', () => {
    const check = checkForm('kano', emptyForm('kano'));
    if (!check.ok) throw new Error('a default Kano response is complete');
    expect(previewRequest(check.body, [])).toEqual({ path: '/prioritization/kano/classify', body: { responses: [{ functional: 'like', dysfunctional: 'dislike' }] } });
  });

  it('stored inputs come back into the form (RICE confidence as a percentage)', () => {
    expect(formFromInputs('rice', { reach: 500, impact: 0.5, confidence: 0.8, effort: 2 }).fields).toEqual({ reach: '500', impact: '0.5', confidence: '80', effort: '2' });
    expect(formFromInputs('moscow', { category: 'must' }).fields).toEqual({ category: 'must' });
    expect(formFromInputs('weighted', { values: { c1: 4 } }).fields).toEqual({ c1: '4' });
  });
});
