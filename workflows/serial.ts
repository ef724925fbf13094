/**
 * Runs async steps one after another, in the order they were asked for. A workflow uses it so that
 * at most one of its activities writes its document at a time: one writer per document is what keeps
 * the data right on a database (FerretDB v1) whose updates are not atomic under concurrency.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(step: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(step);
    this.tail = result
      .catch(() => undefined)
      .finally(() => {
        this.pending -= 1;
      });
    return result;
  }

  get idle(): boolean {
    return this.pending === 0;
  }
}
