import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Names every test that passed only on its retry, at the end of the run, so that a retried pass is
 * seen and fixed rather than trusted. Playwright's list reporter counts them; this says which, on
 * lines CI logs can be searched for (`::: FLAKY`).
 */
export default class FlakyReporter implements Reporter {
  private readonly flaky = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' && result.retry > 0) {
      this.flaky.set(
        test.id,
        `${test.location.file.split('/').slice(-2).join('/')} › ${test.titlePath().slice(3).join(' › ')}`,
      );
    }
  }

  onEnd(_result: FullResult): void {
    if (this.flaky.size === 0) return;
    console.log(`\n::: FLAKY: ${this.flaky.size} test(s) passed only on their retry. Each is a defect to fix:`);
    for (const title of this.flaky.values()) console.log(`::: FLAKY   ${title}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
