// Work that need not hold back what the user sees.

/** Right after the next frame is painted: a message posted from a requestAnimationFrame callback arrives then. */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => work();
    channel.port2.postMessage(null);
  });
}
