import { addDays, datesFrom } from '../domain/calendar';
import type { ItemRepository } from './ports';

/**
 * Items finished per day over the `days` whole days before `today` (UTC), zero
 * days included: the history Monte Carlo forecasts sample from.
 */
export async function throughputHistory(
  items: Pick<ItemRepository, 'doneByDay'>,
  product: { workspaceId: string; id: string },
  today: string,
  days: number,
): Promise<{ start: string; end: string; daily: number[] }> {
  const start = addDays(today, -days);
  const end = addDays(today, -1);
  const counts = await items.doneByDay(product.workspaceId, product.id, `${start}T00:00:00.000Z`, `${today}T00:00:00.000Z`);
  return { start, end, daily: datesFrom(start, end).map((date) => counts.get(date) ?? 0) };
}
