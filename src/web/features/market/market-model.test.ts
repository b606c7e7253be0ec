import { describe, expect, it } from 'vitest';
import { cellLabel, exportFileName, hostOf, levelOfKey, priceProblem } from './market-model';

describe('market page model', () => {
  it('sets a level from a single key', () => {
    expect(levelOfKey('h')).toBe('has');
    expect(levelOfKey('P')).toBe('partial');
    expect(levelOfKey('n')).toBe('none');
    expect(levelOfKey('u')).toBe('unknown');
    expect(levelOfKey('x')).toBeNull();
  });

  it('shows a website by its host', () => {
    expect(hostOf('https://www.metricly.example/pricing')).toBe('metricly.example');
    expect(hostOf('not a url')).toBe('not a url');
  });

  it('names a cell for screen readers', () => {
    expect(cellLabel('Metricly', 'SSO', 'partial', 'Top plan only')).toBe('Metricly, SSO: partly. Top plan only');
    expect(cellLabel('Metricly', 'SSO', 'unknown', '')).toBe('Metricly, SSO: unknown');
  });

  it('checks a typed price before it is sent', () => {
    expect(priceProblem('49.90', 'monthly')).toBeNull();
    expect(priceProblem('', 'custom')).toBeNull();
    expect(priceProblem('', 'monthly')).toMatch(/custom pricing/);
    expect(priceProblem('4,90', 'monthly')).toMatch(/plain number/);
    expect(exportFileName('DEMO')).toBe('demo-packaging.md');
  });
});
