/** A number as plain decimal text without float noise (0.1 + 0.2 → 0.3), for matching it in quotes. */
export function formatNumberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}
