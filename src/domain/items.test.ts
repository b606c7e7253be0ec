import { describe, expect, it } from 'vitest';
import { formatItemKey, parseItemRef } from './items';
import { rankAfter, ranksAfter } from './ranking';

describe('item references', () => {
  it('reads human keys in any case', () => {
    expect(parseItemRef('DEMO-12')).toEqual({ kind: 'key', productKey: 'DEMO', number: 12 });
    expect(parseItemRef('app2-7')).toEqual({ kind: 'key', productKey: 'APP2', number: 7 });
  });

  it('treats anything else as an id', () => {
    expect(parseItemRef('01a21f0c-f44f-70a9-8496-c6a994966395')).toEqual({ kind: 'id', id: '01a21f0c-f44f-70a9-8496-c6a994966395' });
    expect(parseItemRef('DEMO-0').kind).toBe('id');
    expect(parseItemRef('DEMO-').kind).toBe('id');
    // Beyond the stored integer range no item can exist.
    expect(parseItemRef('DEMO-2147483647').kind).toBe('key');
    expect(parseItemRef('DEMO-2147483648').kind).toBe('id');
  });

  it('formats keys from product key and number', () => {
    expect(formatItemKey('DEMO', 3)).toBe('DEMO-3');
  });
});

describe('rank keys', () => {
  it('always make a key after the last, in bytewise order', () => {
    const first = rankAfter(null);
    const second = rankAfter(first);
    expect(second > first).toBe(true);
    const many = ranksAfter(second, 1000);
    expect([...many].sort()).toEqual(many);
    expect(many[0]! > second).toBe(true);
  });
});
