/**
 * Shared by the hostile tests: the reason a reader gives for refusing an input.
 */
import { ReadError } from '../../pipeline/ingest/read-error.ts';

/**
 * The ReadError message a call throws, or undefined when it does not throw one.
 *
 * @param call
 *   The call that may refuse its input.
 */
export function reasonOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof ReadError) return error.message;
    throw error;
  }
  return undefined;
}
