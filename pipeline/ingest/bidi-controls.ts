/**
 * Bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates, U+200E/200F
 * marks, U+061C) change how text is shown, not what it says: `达到‮%59‬以上` shows as 达到95%以上
 * while its characters say 59. A plan has no use for them; they are removed from every text of the
 * tree before extraction, and counted for a message.
 */

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

interface TextLike {
  value?: unknown;
  children?: unknown;
}

/**
 * Remove the bidirectional controls from every text value of a tree, in place.
 *
 * @param tree
 *   A document tree (mdast).
 * @returns
 *   How many controls were removed.
 */
export function removeBidiControls(tree: object): number {
  let removed = 0;
  const stack: TextLike[] = [tree as TextLike];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string' && BIDI_CONTROLS.test(node.value)) {
      node.value = node.value.replace(BIDI_CONTROLS, () => {
        removed++;
        return '';
      });
    }
    BIDI_CONTROLS.lastIndex = 0;
    // One push per child: spreading 100,000 children into push() overflows the stack.
    if (Array.isArray(node.children)) for (const child of node.children as TextLike[]) stack.push(child);
  }
  return removed;
}
