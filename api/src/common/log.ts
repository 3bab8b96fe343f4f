import pino from 'pino';

/** Structured log (pino): JSON lines on stdout. `security` events (denied attempts, failed logins) use `event: 'security.*'`. */
export type Logger = pino.Logger;

/** A logger at `level`; `destination` (default stdout) lets tests capture lines. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino({ level, base: undefined }, destination) : pino({ level, base: undefined });
}
