// Work that need not hold back what the user sees.

/** When the browser is idle (at the latest after a second), or soon where it cannot say. */
export function whenIdle(work: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout });
  else setTimeout(work, 50);
}

/** Right after the next frame is painted: a message posted from a requestAnimationFrame callback arrives then. */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => work();
    channel.port2.postMessage(null);
  });
}
