// Work nobody waits for: when the browser is idle (at the latest after a second), or soon where it cannot say.
export function whenIdle(work: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout });
  else setTimeout(work, 50);
}
