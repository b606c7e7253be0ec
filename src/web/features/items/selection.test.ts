import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, keepVisible, selectedInOrder, selectWithClick, toggleOne } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (selection: { ids: ReadonlySet<string> }) => [...selection.ids].sort();

describe('bulk selection', () => {
  it('a click toggles one row and sets the anchor', () => {
    const one = selectWithClick(EMPTY_SELECTION, order, 'b', { shift: false, toggle: false });
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(ids(selectWithClick(one, order, 'b', { shift: false, toggle: true }))).toEqual([]);
  });

  it('shift-click adds the range from the anchor, in either direction, keeping what was selected', () => {
    const start = toggleOne(toggleOne(EMPTY_SELECTION, 'e'), 'd');
    expect(ids(selectWithClick(start, order, 'b', { shift: true, toggle: false }))).toEqual(['b', 'c', 'd', 'e']);
    const down = selectWithClick(toggleOne(EMPTY_SELECTION, 'a'), order, 'c', { shift: true, toggle: false });
    expect(ids(down)).toEqual(['a', 'b', 'c']);
    expect(down.anchor).toBe('a');
  });

  it('shift-click with no anchor selects just that row', () => {
    expect(ids(selectWithClick(EMPTY_SELECTION, order, 'c', { shift: true, toggle: false }))).toEqual(['c']);
  });

  it('rows that leave the list leave the selection, and the rest read in list order', () => {
    const selection = toggleOne(toggleOne(toggleOne(EMPTY_SELECTION, 'd'), 'a'), 'x');
    const kept = keepVisible(selection, order);
    expect(ids(kept)).toEqual(['a', 'd']);
    expect(kept.anchor).toBeNull();
    expect(keepVisible(kept, order)).toBe(kept);
    expect(selectedInOrder(kept, order.map((id) => ({ id }))).map((row) => row.id)).toEqual(['a', 'd']);
  });
});
