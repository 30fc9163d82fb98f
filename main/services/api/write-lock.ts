/**
 * One writer at a time on the workspace's single writable connection. An import keeps its transaction open
 * across awaits, so every other change (a user added, a setting saved, a backup) waits for it here rather
 * than writing into the import's transaction or failing on SQLITE_BUSY.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
