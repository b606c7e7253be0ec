import { ITEM_TYPES } from '../../contracts/vocabulary';

/**
 * A stored word read back as one of the values the code knows. Anything else
 * is a damaged row, not user input, so it throws a plain error (a 500).
 */
export function knownValue<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unknown ${what} ${JSON.stringify(value)} in a stored row`);
  return found;
}

/** An item as the traceability and dependency reads name it, with its type checked. */
export function tracedItem<T extends { type: string }>(row: T) {
  return { ...row, type: knownValue(ITEM_TYPES, row.type, 'item type') };
}
