/**
 * Node's file-system errors in plain words for the command line's messages: "permission
 * denied (EACCES)" rather than "EACCES: permission denied, open '/tmp/.roster.json.81.tmp'",
 * which names a temporary file the user never asked for. The code stays in brackets so that
 * it can be searched for.
 */

/** An error from the operating system, with its `code` (`ENOENT`, `EACCES`, …). */
export type SystemError = Error & { code: string };

/** Whether `error` came from the operating system (a code such as `ENOSPC`), not from a bug. */
export function isSystemError(error: unknown): error is SystemError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && /^E[A-Z0-9]+$/.test(code);
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "the file system is read-only",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOENT: "no such file or folder",
  EEXIST: "it already exists",
  ENOTEMPTY: "the folder is not empty",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EBUSY: "the file is busy",
  EIO: "input/output error",
  EFBIG: "the file is too large",
  EXDEV: "it is on another device",
};

/** The cause of a system error in plain words with its code, e.g. `no space left on device (ENOSPC)`. */
export function systemReason(error: SystemError): string {
  const words = REASONS[error.code];
  if (words !== undefined) return `${words} (${error.code})`;
  // An unusual code: Node's message starts with the code, and its own words follow.
  const message = error.message.replace(new RegExp(`^${error.code}:\\s*`), "");
  return `${message.replace(/,\s*\w+ '.*'$/, "")} (${error.code})`;
}
