// Structured logs: one JSON object per line, for a log shipper (journald, a container runtime, Loki,
// Elasticsearch) to parse without patterns. Only what an operator needs to see that the receiver works:
// never an answer, a file name, a query string, a raw path or an error message (messages may quote data).
// docs/decisions/0014-receiver-operations.md says what each line holds.

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** What a line is about, at this level: requests, and the receiver's own life (start, sweep, stop). */
export type LogSeverity = Exclude<LogLevel, 'silent'>;

/** Values a log line may carry: plain scalars, or short lists of codes. */
export type LogValue = string | number | boolean | null | readonly string[];
export type LogFields = Readonly<Record<string, LogValue | undefined>>;

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export interface Logger {
  /** Writes one line when `severity` is at or above the logger's level. Never throws. */
  write(severity: LogSeverity, event: string, fields?: LogFields): void;
  readonly level: LogLevel;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where each line goes (without its newline). Default: console.log (standard output). */
  sink?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? DEFAULT_LOG_LEVEL;
  const sink = options.sink ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  return {
    level,
    write(severity, event, fields = {}) {
      if (RANK[severity] < RANK[level]) return;
      try {
        // time, level and event first, so that a person reading the raw line sees them first.
        const entry: Record<string, LogValue> = { time: now().toISOString(), level: severity, event };
        for (const [key, value] of Object.entries(fields))
          if (value !== undefined && !(key in entry)) entry[key] = value;
        sink(JSON.stringify(entry));
      } catch {
        // A logger that throws must not take the receiver down.
      }
    },
  };
}
