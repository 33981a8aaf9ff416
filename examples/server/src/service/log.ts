/**
 * @module
 * What the service did, one line per action: time, duty, room, and a sentence. Lines go to a
 * sink (stderr by default) as text or JSON, and stay in memory for reports and tests.
 */

/** One thing the service did or noticed. */
export interface LogEntry {
  readonly at: number;
  /** The duty: `watcher`, `decisions`, `control-table`, `elections`, `announcements`, `ledger`, `checkpoints`, `service`. */
  readonly duty: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly roomId?: string;
  readonly decision?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The service log. */
export interface ServiceLog {
  info(duty: string, message: string, fields?: Omit<Partial<LogEntry>, 'duty' | 'message' | 'level'>): void;
  warn(duty: string, message: string, fields?: Omit<Partial<LogEntry>, 'duty' | 'message' | 'level'>): void;
  error(duty: string, message: string, fields?: Omit<Partial<LogEntry>, 'duty' | 'message' | 'level'>): void;
  /** Everything logged so far. */
  readonly entries: readonly LogEntry[];
  /** Called for every new entry (the demo waits on these). */
  subscribe(listener: (entry: LogEntry) => void): () => void;
}

/**
 * Makes a log.
 *
 * @param options - the format and the sink (`null`: keep in memory only).
 * @returns the log.
 */
export function createLog(
  options: { format?: 'text' | 'json'; sink?: ((line: string) => void) | null } = {},
): ServiceLog {
  const entries: LogEntry[] = [];
  const listeners = new Set<(entry: LogEntry) => void>();
  const sink =
    options.sink === undefined ? (line: string) => process.stderr.write(`${line}\n`) : options.sink;
  const format = (entry: LogEntry) =>
    options.format === 'json'
      ? JSON.stringify({ ...entry, at: new Date(entry.at).toISOString() })
      : `${new Date(entry.at).toISOString().slice(11, 23)} ${entry.level === 'info' ? '' : `${entry.level.toUpperCase()} `}[${entry.duty}] ${entry.message}`;
  const add =
    (level: LogEntry['level']) =>
    (duty: string, message: string, fields: Omit<Partial<LogEntry>, 'duty' | 'message' | 'level'> = {}) => {
      const entry: LogEntry = { at: Date.now(), ...fields, duty, level, message };
      entries.push(entry);
      sink?.(format(entry));
      for (const listener of listeners) listener(entry);
    };
  return {
    info: add('info'),
    warn: add('warn'),
    error: add('error'),
    entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
