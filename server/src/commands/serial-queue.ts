/**
 * Runs tasks one at a time, in arrival order. Commands on one node pass through it before they take
 * a database connection: a command waiting for the cross-node command lock would otherwise hold a
 * pooled connection while the lock holder needs one to catch up with the log (at ten concurrent
 * commands the 10-connection pool was exhausted and the node hung for good).
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => {});
    return result;
  }
}
