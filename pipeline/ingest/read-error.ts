/**
 * The one error a reader throws for input it cannot read. Its message is the
 * reason a user sees, one line, without the file name (the caller adds it).
 */
export class ReadError extends Error {
  override name = 'ReadError';

  /**
   * @param reason
   *   Why the input cannot be read, e.g. `no text layer: scanned PDF, OCR is not enabled`.
   */
  constructor(reason: string) {
    super(reason);
  }
}
