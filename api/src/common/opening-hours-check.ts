/**
 * The opening_hours library's checks of a value, run with a time limit.
 *
 * The library does not finish on every string: for `unknown::PH` its `getWarnings()` loops for ever, filling an
 * array until V8 aborts the whole process ("Fatal JavaScript invalid size error"; opening_hours 3.15.0, the
 * selector loop of getWarnings does not advance past a second colon). Its checks are synchronous, so a value
 * sent to the API could stop the server's event loop for good, and with it every request. So the checks run in
 * a worker thread of their own, with a small heap: the caller waits for the answer (synchronously, with
 * `Atomics.wait`) at most CHECK_TIMEOUT_MS, and a worker that does not answer in time is ended and replaced.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** How long one check may take, ms. A check takes well under 10 ms; the slowest of 500 characters about 50 ms. */
const CHECK_TIMEOUT_MS = 1_000;
/** How long the worker may take to start (load the library), ms. */
const START_TIMEOUT_MS = 15_000;

/**
 * What the library says of a value: its warnings and its prettified form, or the error it threw (or that it did
 * not finish within CHECK_TIMEOUT_MS).
 */
export type LibraryVerdict = { warnings: string[]; suggestion: string } | { error: string };

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const OpeningHours = require(workerData.library);
const { port, flag } = workerData;
// The library writes what it throws to the console as well; the caller reports it.
for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = () => undefined;
const answer = (message) => {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
port.on('message', ({ value, nominatim }) => {
  try {
    const oh = new OpeningHours(value, nominatim);
    const warnings = oh.getWarnings().map(String);
    answer({ warnings, suggestion: warnings.length ? oh.prettifyValue() : value });
  } catch (e) {
    answer({ error: String(e instanceof Error ? e.message : e) });
  }
});
answer({ ready: true });
`;

interface Checker {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}
let checker: Checker | null = null;

function end(c: Checker): void {
  if (checker === c) checker = null;
  c.port.close();
  void c.worker.terminate();
}

/** Posts `message` (or nothing, for the start) and waits for the worker's one answer, at most `ms`. */
function exchange(c: Checker, message: unknown, ms: number): unknown {
  Atomics.store(c.flag, 0, 0);
  if (message !== undefined) c.port.postMessage(message);
  const deadline = Date.now() + ms;
  for (;;) {
    const got = receiveMessageOnPort(c.port);
    if (got) return got.message;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(c.flag, 0, 0, left);
  }
}

function start(): Checker {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { library: require.resolve('opening_hours'), port: port2, flag },
    transferList: [port2],
    // A runaway check ends in this heap's limit (the worker dies, the process lives) if the time limit is late.
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
  });
  worker.unref();
  port1.unref();
  const c: Checker = { worker, port: port1, flag };
  worker.on('error', () => end(c));
  worker.on('exit', () => end(c));
  if (exchange(c, undefined, START_TIMEOUT_MS) === undefined) {
    end(c);
    throw new Error(`opening hours: the checking thread did not start within ${START_TIMEOUT_MS / 1000} s`);
  }
  return c;
}

/**
 * The library's verdict on `value` with `nominatim` (its place), from the checking thread: its warnings and
 * prettified value, or the message of what it threw or that it did not answer within CHECK_TIMEOUT_MS (the
 * thread is then replaced). Blocks the caller for the check's duration. Throws only if the thread cannot
 * start.
 */
export function libraryVerdict(value: string, nominatim: unknown): LibraryVerdict {
  const c = (checker ??= start());
  const answer = exchange(c, { value, nominatim }, CHECK_TIMEOUT_MS) as LibraryVerdict | undefined;
  if (answer === undefined) {
    end(c);
    return { error: `the check did not finish within ${CHECK_TIMEOUT_MS / 1000} s` };
  }
  return answer;
}
