/**
 * The one thing an adapter throws: its input could not be read at all (a missing folder, a file
 * without permission). Bad data never throws; it becomes issues. A CLI turns this error into
 * exit code 2 with {@link SourceReadError.message}, which names the path and the reason.
 *
 * @module
 */

/** Plain reasons for the system errors people meet when pointing a tool at a path. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, expected a file',
  ENOTDIR: 'not a directory',
  EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
};

/** An input path that could not be read. */
export class SourceReadError extends Error {
  readonly _tag = 'SourceReadError' as const;
  /** The path that could not be read. */
  readonly path: string;
  /** A plain reason, e.g. `no such file or directory`. */
  readonly reason: string;
  /** The system error code when there is one, e.g. `ENOENT`. */
  readonly errno: string | undefined;

  constructor(path: string, reason: string, errno?: string, options?: { readonly cause?: unknown }) {
    super(`cannot read ${path}: ${reason}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SourceReadError';
    this.path = path;
    this.reason = reason;
    this.errno = errno;
  }
}

/**
 * Wraps whatever `fs` threw for `path` as a {@link SourceReadError}.
 * @example toSourceReadError('/no/such', Object.assign(new Error('x'), { code: 'ENOENT' })).message
 * // 'cannot read /no/such: no such file or directory'
 */
export const toSourceReadError = (path: string, error: unknown): SourceReadError => {
  if (error instanceof SourceReadError) return error;
  const errno = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const reason = (errno === undefined ? undefined : REASONS[errno]) ?? (error instanceof Error ? error.message : String(error));
  return new SourceReadError(path, reason, errno, { cause: error });
};

/** Whether `e` is a {@link SourceReadError} (also across copies of this package). */
export const isSourceReadError = (e: unknown): e is SourceReadError =>
  e instanceof SourceReadError || (typeof e === 'object' && e !== null && (e as { _tag?: unknown })._tag === 'SourceReadError');
