/** Items in the trash can be restored for this long; then they are purged. */
export const TRASH_RETENTION_DAYS = 30;

export function trashPurgeCutoff(now: Date): Date {
  return new Date(now.getTime() - TRASH_RETENTION_DAYS * 24 * 60 * 60_000);
}

const ITEM_KEY = /^([A-Z][A-Z0-9]{1,9})-([1-9][0-9]{0,9})$/;

export type ItemRef = { kind: 'id'; id: string } | { kind: 'key'; productKey: string; number: number };

/** Item numbers are stored as 32-bit integers; a larger one names no item. */
export const MAX_ITEM_NUMBER = 2_147_483_647;

/** Reads `DEMO-12` as a human key and anything else as an id. */
export function parseItemRef(ref: string): ItemRef {
  const match = ITEM_KEY.exec(ref.toUpperCase());
  const number = match ? Number(match[2]) : NaN;
  if (match && number <= MAX_ITEM_NUMBER) return { kind: 'key', productKey: match[1]!, number };
  return { kind: 'id', id: ref };
}

export function formatItemKey(productKey: string, number: number): string {
  return `${productKey}-${number}`;
}
