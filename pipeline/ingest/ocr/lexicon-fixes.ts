/**
 * A department name misread in one character (县目然资源局, 县节通运输局) read as the
 * department the plan names: the names of the department catalogue the extractors
 * match are the lexicon. Only names of four characters or more, never in their
 * last character (卫生健康局 and 卫生健康委 are both real), and never changing a
 * character that already spells a catalogue name (教育行政部门 holds no misread 财政部门).
 */
import { DEPARTMENT_NAMES } from '../../../extractors/department-catalogue.ts';

const ALL_NAMES = DEPARTMENT_NAMES.map((entry) => entry.name);
const NAMES = new Set(ALL_NAMES.filter((name) => [...name].length >= 4));
// A name with one character (not its last) left open → the name; a key two names share fixes nothing.
const BY_PATTERN: Map<string, string | null> = (() => {
  const patterns = new Map<string, string | null>();
  for (const name of NAMES) {
    const chars = [...name];
    for (let at = 0; at < chars.length - 1; at++) {
      const key = `${chars.length}:${chars.map((char, k) => (k === at ? '\u0000' : char)).join('')}`;
      patterns.set(key, patterns.has(key) && patterns.get(key) !== name ? null : name);
    }
  }
  return patterns;
})();
const LENGTHS = [...new Set([...NAMES].map((name) => [...name].length))].sort((a, b) => b - a);

/**
 * Put back the department names a line misreads in one character.
 *
 * @param chars
 *   The line's characters (code points); one for one, so positions hold.
 * @returns
 *   The characters, corrected.
 */
export function fixDepartmentNames(chars: readonly string[]): string[] {
  const out = [...chars];
  // Characters that already spell a catalogue name are right as they are.
  const text = chars.join('');
  const kept = new Array<boolean>(chars.length).fill(false);
  for (const name of ALL_NAMES) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const start = [...text.slice(0, at)].length;
      for (let k = 0; k < [...name].length; k++) kept[start + k] = true;
    }
  }
  for (const length of LENGTHS) {
    for (let start = 0; start + length <= out.length; start++) {
      const window = out.slice(start, start + length);
      if (NAMES.has(window.join(''))) continue;
      for (let at = 0; at < length - 1; at++) {
        if (kept[start + at]) continue;
        const name = BY_PATTERN.get(`${length}:${window.map((char, k) => (k === at ? '\u0000' : char)).join('')}`);
        if (name === undefined || name === null) continue;
        [...name].forEach((char, k) => {
          out[start + k] = char;
        });
        break;
      }
    }
  }
  return out;
}
