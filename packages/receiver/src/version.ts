// The receiver package's version, for --version, the start-up log line and klarskjema_receiver_info.
// package.json is one folder up both from src/ (the repository) and from dist/ (the published package).
import { readFileSync } from 'node:fs';

export const RECEIVER_VERSION: string = (() => {
  try {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
})();
