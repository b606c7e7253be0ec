import type { FieldError } from '../../contracts/errors';
import { invalidFields } from '../errors';

/**
 * Collects every failing field before throwing, so a caller sees all problems
 * at once (`inputs.effort`, `inputs.confidence`, …) rather than one per attempt.
 */
export class InputErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /**
   * Checks that `value` is a finite number within the bounds; records a message
   * naming the rule (`describe`) otherwise. Returns whether the value passed.
   */
  number(field: string, value: unknown, bounds: { min?: number; max?: number; above?: number }, describe: string): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(field, `must be a finite number (${describe})`);
      return false;
    }
    const { min, max, above } = bounds;
    if ((min !== undefined && value < min) || (max !== undefined && value > max) || (above !== undefined && value <= above)) {
      this.add(field, `must be ${describe}`);
      return false;
    }
    return true;
  }

  get isEmpty(): boolean {
    return this.errors.length === 0;
  }

  /** Throws `validation_failed` listing every failing field, if there is one. */
  throwIfAny(): void {
    if (this.isEmpty) return;
    throw invalidFields(this.errors);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
