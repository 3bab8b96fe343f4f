import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';

/** A test file still running after this long is named in the output every minute, with the test it is in. */
const REPORT_AFTER_MS = 3 * 60_000;
/**
 * A test file still running after this long is taken as hung and the run is cancelled, so that CI fails with its
 * name instead of running out of time in silence. The longest a test may take is 15 min (`embedded.test.ts`).
 */
const CANCEL_AFTER_MS = 20 * 60_000;

/**
 * A vitest reporter beside the default one: vitest prints a test file only when it ends, so a file that never ends
 * (a statement waiting for ever, a loop that never yields to the timers behind the test timeouts) left nothing in
 * the output but silence. This one names such a file and its current test, and cancels the run after
 * CANCEL_AFTER_MS (and ends the process a minute later if the run could not be cancelled).
 */
export default class WatchdogReporter implements Reporter {
  private vitest?: Vitest;
  private readonly running = new Map<string, { since: number; test?: string }>();
  private timer?: NodeJS.Timeout;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunStart(): void {
    this.timer = setInterval(() => this.check(), 60_000);
    this.timer.unref();
  }

  onTestModuleStart(module: TestModule): void {
    this.running.set(module.moduleId, { since: Date.now() });
  }

  onTestCaseReady(test: TestCase): void {
    const entry = this.running.get(test.module.moduleId);
    if (entry) entry.test = test.fullName;
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.moduleId);
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
    this.running.clear();
  }

  private check(): void {
    const now = Date.now();
    for (const [file, { since, test }] of this.running) {
      const minutes = (now - since) / 60_000;
      if (now - since < REPORT_AFTER_MS) continue;
      const where = `${file.replace(`${process.cwd()}/`, '')}${test ? ` › ${test}` : ''}`;
      console.error(`[watchdog] still running after ${minutes.toFixed(0)} min: ${where}`);
      if (now - since >= CANCEL_AFTER_MS) {
        console.error(`[watchdog] cancelling the run: ${where} has run for over ${CANCEL_AFTER_MS / 60_000} min`);
        process.exitCode = 1;
        void this.vitest?.cancelCurrentRun('test-failure');
        // A worker whose event loop is blocked cannot hear the cancel.
        setTimeout(() => process.exit(1), 60_000).unref();
        this.running.clear();
      }
    }
  }
}
