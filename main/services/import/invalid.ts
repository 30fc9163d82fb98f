/**
 * A value that failed to parse, with the reason phrased to follow "row 2, column x, value y …".
 * Parsers return it instead of throwing because a file's worth of bad values is normal input, not an exception,
 * and instead of a result object because allocating one per valid cell would cost millions of objects per file.
 */
export class Invalid {
  readonly reason: string;

  constructor(reason: string) {
    this.reason = reason;
  }
}
