import { describe, expect, it } from 'vitest';
import {
  cellSize,
  describeRatings,
  effortToX,
  matrixLayout,
  MAX_STACKED,
  placePoints,
  pointOfItem,
  quadrantOf,
  quadrantRect,
  ratingsAt,
  rescore,
  scoreBody,
  snapRating,
  stepRatings,
  tableOrder,
  toMatrixPoint,
  toSvgPoint,
  upsertPoint,
  valueToY,
  withPending,
  xToEffort,
  yToValue,
  type MatrixPoint,
  type PlotBox,
} from './matrix-model';

const box: PlotBox = { left: 40, top: 10, width: 500, height: 400 };

function point(key: string, value: number, effort: number, extra: Partial<MatrixPoint> = {}): MatrixPoint {
  return { itemId: `id-${key}`, key, title: `Title of ${key}`, type: 'story', status: 'ready', value, effort, score: value / effort, explanation: '', ...extra };
}

describe('coordinates and ratings', () => {
  it('puts each whole rating at the centre of its cell, effort left to right and value bottom to top', () => {
    expect(cellSize(box)).toEqual({ width: 50, height: 40 });
    expect(effortToX(1, box)).toBe(65);
    expect(effortToX(10, box)).toBe(515);
    expect(valueToY(10, box)).toBe(30);
    expect(valueToY(1, box)).toBe(390);
    // The default midpoint is the line between cells 5 and 6: the middle of the plot.
    expect(effortToX(5.5, box)).toBe(290);
    expect(valueToY(5.5, box)).toBe(210);
  });

  it('maps back from the SVG to ratings, the inverse of placing them', () => {
    for (const rating of [1, 3.5, 7, 10]) {
      expect(xToEffort(effortToX(rating, box), box)).toBeCloseTo(rating);
      expect(yToValue(valueToY(rating, box), box)).toBeCloseTo(rating);
    }
  });

  it('snaps to whole ratings from 1 to 10 and holds at the edges', () => {
    expect(snapRating(6.49)).toBe(6);
    expect(snapRating(6.5)).toBe(7);
    expect(snapRating(0.2)).toBe(1);
    expect(snapRating(-40)).toBe(1);
    expect(snapRating(10.4)).toBe(10);
    expect(snapRating(99)).toBe(10);
    expect(snapRating(Number.NaN)).toBe(1);
  });

  it('reads the cell under the pointer anywhere in it, and the nearest cell outside the plot', () => {
    expect(ratingsAt({ x: effortToX(3, box) + 20, y: valueToY(8, box) - 15 }, box)).toEqual({ value: 8, effort: 3 });
    expect(ratingsAt({ x: 0, y: 1000 }, box)).toEqual({ value: 1, effort: 1 });
    expect(ratingsAt({ x: 9999, y: -50 }, box)).toEqual({ value: 10, effort: 10 });
  });

  it('converts a pointer position to SVG units, allowing for a scaled element', () => {
    const rect = { left: 100, top: 50, width: 300, height: 200 };
    expect(toSvgPoint({ x: 250, y: 150 }, rect, { width: 300, height: 200 })).toEqual({ x: 150, y: 100 });
    expect(toSvgPoint({ x: 250, y: 150 }, rect, { width: 600, height: 400 })).toEqual({ x: 300, y: 200 });
  });

  it('lays out a plot that fits the width, with a usable height on a phone and a bounded one on a wide screen', () => {
    const phone = matrixLayout(343);
    expect(phone.width).toBe(343);
    expect(phone.box.left + phone.box.width).toBeLessThanOrEqual(343);
    expect(phone.box.height).toBeGreaterThanOrEqual(300);
    const wide = matrixLayout(1400);
    expect(wide.box.height).toBe(520);
    expect(wide.height).toBeGreaterThan(wide.box.height);
    expect(matrixLayout(10).width).toBe(240);
  });
});

describe('the keyboard', () => {
  it('moves value with Up/Down and effort with Right/Left, one whole rating at a time', () => {
    const at = { value: 5, effort: 5 };
    expect(stepRatings(at, 'ArrowUp')).toEqual({ value: 6, effort: 5 });
    expect(stepRatings(at, 'ArrowDown')).toEqual({ value: 4, effort: 5 });
    expect(stepRatings(at, 'ArrowRight')).toEqual({ value: 5, effort: 6 });
    expect(stepRatings(at, 'ArrowLeft')).toEqual({ value: 5, effort: 4 });
    expect(stepRatings(at, 'Enter')).toBeNull();
    // Only the ratings come back, whatever else the argument carries (a whole point, say).
    expect(stepRatings(point('DEMO-1', 5, 5), 'ArrowUp')).toEqual({ value: 6, effort: 5 });
    expect(scoreBody(point('DEMO-1', 5, 5), point('DEMO-1', 6, 5))).toEqual({ framework: 'value_effort', inputs: { value: 6, effort: 5 } });
  });

  it('stops at 1 and 10, and brings an in-between rating to the next whole one', () => {
    expect(stepRatings({ value: 10, effort: 1 }, 'ArrowUp')).toEqual({ value: 10, effort: 1 });
    expect(stepRatings({ value: 10, effort: 1 }, 'ArrowLeft')).toEqual({ value: 10, effort: 1 });
    expect(stepRatings({ value: 7.5, effort: 2.5 }, 'ArrowUp')).toEqual({ value: 8, effort: 2.5 });
    expect(stepRatings({ value: 7.5, effort: 2.5 }, 'ArrowDown')).toEqual({ value: 7, effort: 2.5 });
    expect(stepRatings({ value: 7.5, effort: 2.5 }, 'ArrowRight')).toEqual({ value: 7.5, effort: 3 });
  });
});

describe('quadrants', () => {
  it('names them by the domain rule, splitting between 5 and 6', () => {
    expect(quadrantOf({ value: 6, effort: 5 })).toBe('quick_win');
    expect(quadrantOf({ value: 6, effort: 6 })).toBe('big_bet');
    expect(quadrantOf({ value: 5, effort: 5 })).toBe('fill_in');
    expect(quadrantOf({ value: 5, effort: 6 })).toBe('time_sink');
    // A stored midpoint moves the line for that item.
    expect(quadrantOf({ value: 6, effort: 5, midpoint: 7 })).toBe('fill_in');
  });

  it('shades quick wins top left and time sinks bottom right, the four tiling the plot', () => {
    expect(quadrantRect('quick_win', box)).toEqual({ x: 40, y: 10, width: 250, height: 200 });
    expect(quadrantRect('big_bet', box)).toEqual({ x: 290, y: 10, width: 250, height: 200 });
    expect(quadrantRect('fill_in', box)).toEqual({ x: 40, y: 210, width: 250, height: 200 });
    expect(quadrantRect('time_sink', box)).toEqual({ x: 290, y: 210, width: 250, height: 200 });
  });

  it('describes a place in words for the live region', () => {
    expect(describeRatings('DEMO-4', { value: 8, effort: 2 })).toBe('DEMO-4: value 8, effort 2 (quick win)');
    expect(describeRatings('DEMO-4', { value: 2.5, effort: 9 })).toBe('DEMO-4: value 2.5, effort 9 (time sink)');
  });
});

describe('scores', () => {
  it('re-scores a moved point with the formula the server uses, keeping a stored midpoint', () => {
    const moved = rescore(point('DEMO-1', 2, 2), { value: 9, effort: 3 });
    expect(moved).toMatchObject({ value: 9, effort: 3, score: 3 });
    expect(moved.explanation).toBe('Value ÷ effort = 9 ÷ 3 = 3; value 9 ≥ 5.5 (high), effort 3 < 5.5 (low) → quick win');
    expect(rescore(point('DEMO-1', 2, 2, { midpoint: 9.5 }), { value: 9, effort: 3 }).explanation).toContain('→ fill-in');
    expect(scoreBody(null, { value: 5, effort: 5 })).toEqual({ framework: 'value_effort', inputs: { value: 5, effort: 5 } });
    expect(scoreBody({ midpoint: 9.5 }, { value: 9, effort: 3 })).toEqual({ framework: 'value_effort', inputs: { value: 9, effort: 3, midpoint: 9.5 } });
  });

  it('lays moves not yet confirmed over the loaded points, an item being added at the end', () => {
    const points = [point('DEMO-1', 2, 2), point('DEMO-2', 4, 4)];
    const pending = new Map([
      ['id-DEMO-2', rescore(points[1]!, { value: 8, effort: 1 })],
      ['id-DEMO-7', pointOfItem({ id: 'id-DEMO-7', key: 'DEMO-7', title: 'New', type: 'bug', status: 'todo' }, { value: 5, effort: 5 })],
    ]);
    const shown = withPending(points, pending);
    expect(shown.map(({ key, value, effort, score }) => [key, value, effort, score])).toEqual([
      ['DEMO-1', 2, 2, 1],
      ['DEMO-2', 8, 1, 8],
      ['DEMO-7', 5, 5, 1],
    ]);
    expect(shown[2]).toMatchObject({ title: 'New', type: 'bug', status: 'todo', explanation: expect.stringContaining('→ fill-in') });
    expect(withPending(points, new Map())).toEqual(points);
  });

  it('puts a confirmed score in place of the loaded one, or adds it', () => {
    const points = [point('DEMO-1', 2, 2), point('DEMO-2', 4, 4)];
    expect(upsertPoint(points, point('DEMO-2', 9, 9)).map((p) => [p.key, p.value])).toEqual([
      ['DEMO-1', 2],
      ['DEMO-2', 9],
    ]);
    expect(upsertPoint(points, point('DEMO-3', 1, 1)).map((p) => p.key)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-3']);
  });

  it('reads stored scores as points, leaving off inputs that are not ratings', () => {
    const stored = { itemId: 'a', key: 'DEMO-1', title: 'T', type: 'story', status: 'ready', score: 2, explanation: 'x' };
    expect(toMatrixPoint({ ...stored, inputs: { value: 8, effort: 4 } })).toEqual({ ...stored, value: 8, effort: 4 });
    expect(toMatrixPoint({ ...stored, inputs: { value: 8, effort: 4, midpoint: 6 } })).toMatchObject({ midpoint: 6 });
    expect(toMatrixPoint({ ...stored, inputs: { value: 8 } })).toBeNull();
    expect(toMatrixPoint({ ...stored, inputs: { value: 0, effort: 4 } })).toBeNull();
    expect(toMatrixPoint({ ...stored, inputs: { value: '8', effort: 4 } })).toBeNull();
  });

  it('orders the table by quadrant, then value for effort, then key in number order', () => {
    const ordered = tableOrder([point('DEMO-10', 2, 9), point('DEMO-9', 9, 2), point('DEMO-3', 8, 8), point('DEMO-2', 10, 2), point('DEMO-11', 9, 2), point('DEMO-5', 1, 1)]);
    expect(ordered.map((p) => p.key)).toEqual(['DEMO-2', 'DEMO-9', 'DEMO-11', 'DEMO-3', 'DEMO-5', 'DEMO-10']);
  });
});

describe('placing points that share a cell', () => {
  const radius = 6;

  it('draws a lone point at its cell centre, its key under it', () => {
    const { placed, badges } = placePoints([point('DEMO-1', 8, 2), point('DEMO-2', 3, 10)], box, radius);
    expect(placed).toEqual([
      expect.objectContaining({ x: effortToX(2, box), y: valueToY(8, box), groupSize: 1, showLabel: true, labelSide: 'below' }),
      expect.objectContaining({ x: effortToX(10, box), y: valueToY(3, box), groupSize: 1, showLabel: true, labelSide: 'below' }),
    ]);
    expect(badges).toEqual([]);
  });

  it('writes the keys of stacked points beside them, on the left near the right edge so they stay inside the chart', () => {
    const sides = (effort: number) => placePoints([point('DEMO-1', 5, effort), point('DEMO-2', 5, effort)], box, radius).placed.map((p) => p.labelSide);
    expect(sides(2)).toEqual(['right', 'right']);
    expect(sides(9)).toEqual(['left', 'left']);
  });

  it('stacks a few points of one cell apart, inside the cell, in key order', () => {
    const { placed } = placePoints([point('DEMO-10', 5, 5), point('DEMO-9', 5, 5), point('DEMO-2', 5, 5)], box, radius);
    expect(placed.map((p) => p.point.key)).toEqual(['DEMO-2', 'DEMO-9', 'DEMO-10']);
    const ys = placed.map((p) => p.y);
    expect(new Set(ys).size).toBe(3);
    const cell = cellSize(box);
    for (const placedPoint of placed) {
      expect(placedPoint.x).toBe(effortToX(5, box));
      expect(Math.abs(placedPoint.y - valueToY(5, box))).toBeLessThan(cell.height / 2);
    }
    // Far enough apart to click each one.
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(2 * radius);
  });

  it('spreads a crowd over the cell without two points on one spot, unlabelled, with a count badge', () => {
    const crowd = Array.from({ length: 25 }, (_, index) => point(`DEMO-${index + 1}`, 7, 7));
    const { placed, badges } = placePoints(crowd, box, radius);
    expect(placed).toHaveLength(25);
    expect(placed.every((p) => !p.showLabel && p.groupSize === 25)).toBe(true);
    const spots = new Set(placed.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`));
    expect(spots.size).toBe(25);
    const cell = cellSize(box);
    for (const p of placed) expect(Math.hypot(p.x - effortToX(7, box), p.y - valueToY(7, box))).toBeLessThanOrEqual(Math.min(cell.width, cell.height) / 2);
    expect(badges).toEqual([expect.objectContaining({ value: 7, effort: 7, count: 25 })]);
    // The same points land on the same spots, whatever order they arrive in.
    const again = placePoints([...crowd].reverse(), box, radius).placed;
    expect(again.map((p) => [p.point.key, p.x, p.y])).toEqual(placed.map((p) => [p.point.key, p.x, p.y]));
    expect(placePoints(crowd.slice(0, MAX_STACKED + 1), box, radius).badges).toHaveLength(1);
  });

  it('writes no keys when cells are too narrow to hold them (a phone)', () => {
    const narrow = matrixLayout(340).box;
    expect(placePoints([point('DEMO-1', 8, 2)], narrow, radius).placed[0]!.showLabel).toBe(false);
  });
});
