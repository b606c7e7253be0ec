/**
 * Bulk selection on the backlog, as in a file manager: a click selects one row,
 * Ctrl/Cmd-click toggles a row, Shift-click selects the range from the anchor
 * (the last row clicked without Shift) to the clicked row.
 */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export interface ClickModifiers {
  shift: boolean;
  /** Ctrl or Cmd. */
  toggle: boolean;
}

/** The selection after a click on `id`'s checkbox or row; `order` is the rows as shown. */
export function selectWithClick(selection: Selection, order: readonly string[], id: string, { shift }: ClickModifiers): Selection {
  if (shift && selection.anchor !== null) {
    const from = order.indexOf(selection.anchor);
    const to = order.indexOf(id);
    if (from >= 0 && to >= 0) {
      const [start, end] = from <= to ? [from, to] : [to, from];
      // A range adds to what is selected, as Shift+Ctrl does in a file manager; a range never deselects.
      const ids = new Set(selection.ids);
      for (const rowId of order.slice(start, end + 1)) ids.add(rowId);
      return { ids, anchor: selection.anchor };
    }
  }
  return toggleOne(selection, id);
}

/** `x` on the focused row, and a plain click on a checkbox: that row in or out, the rest kept. */
export function toggleOne(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Rows that left the list (trashed, filtered out) leave the selection too. */
export function keepVisible(selection: Selection, order: readonly string[]): Selection {
  const visible = new Set(order);
  if ([...selection.ids].every((id) => visible.has(id))) return selection;
  const ids = new Set([...selection.ids].filter((id) => visible.has(id)));
  return { ids, anchor: selection.anchor !== null && visible.has(selection.anchor) ? selection.anchor : null };
}

/** The selected rows in list order. */
export function selectedInOrder<T extends { id: string }>(selection: Selection, rows: readonly T[]): T[] {
  return rows.filter((row) => selection.ids.has(row.id));
}
