// One small logger for the whole server: a line per event on stdout/stderr, with the
// fields as JSON, so that an operator can read it and a log collector can parse it.

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

function describe(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return code === undefined ? value.message : `${String(code)}: ${value.message}`;
  }
  return value;
}

function line(level: string, message: string, fields?: LogFields): string {
  const rest = fields && Object.keys(fields).length
    ? ' ' + JSON.stringify(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, describe(v)])))
    : '';
  return `${new Date().toISOString()} ${level} ${message}${rest}\n`;
}

export function createConsoleLogger(): Logger {
  return {
    info: (message, fields) => process.stdout.write(line('info ', message, fields)),
    warn: (message, fields) => process.stderr.write(line('warn ', message, fields)),
    error: (message, fields) => process.stderr.write(line('error', message, fields)),
  };
}

/** Keeps every entry in memory; for tests that check what the server reported. */
export function createMemoryLogger(): Logger & { entries: { level: string; message: string; fields?: LogFields }[] } {
  const entries: { level: string; message: string; fields?: LogFields }[] = [];
  const push = (level: string) => (message: string, fields?: LogFields) => void entries.push({ level, message, fields });
  return { entries, info: push('info'), warn: push('warn'), error: push('error') };
}
