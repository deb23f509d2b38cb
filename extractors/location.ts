/**
 * The location of an extracted item: the defined fields of its block's
 * location (exactOptionalPropertyTypes forbids copying undefined values).
 */
import type { Block } from '../model/document.ts';
import type { Location } from '../model/plan.ts';

/**
 * Copy a block's location for an extracted item.
 *
 * @param block
 *   The block the item was found in.
 * @returns
 *   Its line/column, page or paragraph, as the format has them.
 */
export function toLocation(block: Block): Location {
  const location: Location = {};
  const { file, line, column, page, paragraph } = block.location;
  if (file !== undefined) location.file = file;
  if (line !== undefined) location.line = line;
  if (column !== undefined) location.column = column;
  if (page !== undefined) location.page = page;
  if (paragraph !== undefined) location.paragraph = paragraph;
  return location;
}
