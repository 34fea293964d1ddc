/**
 * Which elements of an XML export are records: a matcher from name and path patterns, for
 * {@link createXmlRecordSplitter}'s `isRecord`.
 *
 * @module
 */

/**
 * A record matcher from patterns: a bare name (`Pupil`) matches an element of that name at any
 * depth; a path (`CTfile/CTFpupilData/Pupil`) matches exactly that path from the root; `*` matches
 * any one name. With `ignoreCase`, names compare case-insensitively.
 * @example recordPaths(['SessionAttendance'])(['SessionAttendances', 'SessionAttendance']) // true
 */
export const recordPaths = (patterns: readonly string[], options: { readonly ignoreCase?: boolean } = {}): ((path: readonly string[]) => boolean) => {
  const norm = (s: string): string => (options.ignoreCase === true ? s.toLowerCase() : s);
  const names = new Set(patterns.filter((p) => !p.includes('/')).map(norm));
  const paths = patterns.filter((p) => p.includes('/')).map((p) => p.split('/').map(norm));
  return (path) => {
    const last = path[path.length - 1];
    if (last !== undefined && names.has(norm(last))) return true;
    return paths.some((p) => p.length === path.length && p.every((seg, i) => seg === '*' || seg === norm(path[i] as string)));
  };
};
