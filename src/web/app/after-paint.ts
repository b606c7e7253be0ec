/**
 * Scheduling for code the first paint does without (drag and drop, the command
 * palette): it loads once the rows are on screen, not before them.
 */

/** Runs `task` once the frame being prepared has been painted: after the next animation frame, in the task after it. Returns a cancel. */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Runs `task` when the browser is idle, and at the latest after `timeoutMs`. Returns a cancel. */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
  // Safari has no requestIdleCallback; a short timer stands in for it.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 200);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}

/**
 * One dynamic import shared by every caller: the first call starts it, later
 * calls get the same promise, and `current()` answers synchronously once it has
 * arrived. A failed load (the network dropped) is forgotten, so the next call tries again.
 */
export function lazyModule<T>(load: () => Promise<T>): { get: () => Promise<T>; current: () => T | null } {
  let loaded: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    get: () =>
      (pending ??= load().then(
        (module) => (loaded = module),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      )),
    current: () => loaded,
  };
}
