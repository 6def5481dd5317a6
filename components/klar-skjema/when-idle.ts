// Idle time for what the late chunk prepares (rest.ts, prepare-ahead.ts). A module of its own, not in
// src/browser/idle.ts: that one is in the main chunk, which would then have to export this too (decision 0019).

/** What an idle callback is told: how long the browser expects to stay idle. */
export interface IdleTime {
  timeRemaining(): number;
}

/** Runs `work` when the browser is idle, at the latest after a second; soon, with no time left, where it cannot say. */
export function whenIdle(work: (deadline: IdleTime) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(() => work({ timeRemaining: () => 0 }), 50);
}
