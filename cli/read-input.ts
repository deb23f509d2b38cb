/**
 * Read an input file's bytes, safely: only a regular file on an ordinary file system (not procfs,
 * sysfs and the like, whose files claim a size of 0 and can be endless or secret), through one open
 * handle, and never more than the size limit plus one byte, whatever the file claims its size is.
 */
import { constants } from 'node:fs';
import { open, realpath, statfs, type FileHandle } from 'node:fs/promises';
import { checkFileSize, formatBytes, type Limits } from '../pipeline/ingest/limits.ts';
import { ReadError } from '../pipeline/ingest/read-error.ts';

/** Kernel file systems by their statfs magic number: their files are views of the system, not documents. */
const SYSTEM_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'procfs'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0xde5e81e0, 'efivarfs'],
  [0x6165676c, 'pstore'],
  [0x65735543, 'fusectl'],
  [0x1cd1, 'devpts'],
]);

/** Folders of system views by path, where statfs cannot tell. */
const SYSTEM_FOLDERS = ['/proc/', '/sys/'];

const CHUNK = 1024 * 1024;

/**
 * Why a path is not on an ordinary file system, or `null` when it is.
 *
 * @param path
 *   The file (links are followed).
 */
export async function systemFileSystemOf(path: string): Promise<string | null> {
  const real = await realpath(path).catch(() => path);
  const folder = SYSTEM_FOLDERS.find((prefix) => real.startsWith(prefix));
  const kind = await statfs(real)
    .then((info) => SYSTEM_FILE_SYSTEMS.get(Number(info.type)) ?? null)
    .catch(() => null);
  return kind ?? (folder ? folder.slice(1, -1) : null);
}

/**
 * Read an input's bytes within the size limit.
 *
 * @param path
 *   The input file.
 * @param limits
 *   The size limit.
 * @returns
 *   The bytes.
 * @throws {ReadError}
 *   `not a regular file`, `not a document: a procfs file`, `file too large: …`; other errors
 *   (EACCES, ENOENT) as thrown by the file system.
 */
export async function readInputBytes(path: string, limits: Limits): Promise<Uint8Array> {
  // O_NONBLOCK: opening a FIFO for reading must not wait for a writer; it is refused below.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ReadError('not a regular file');
    const system = await systemFileSystemOf(path);
    if (system) throw new ReadError(`not a document: a ${system} file`);
    checkFileSize(info.size, limits);
    // The size a file claims is not trusted: read at most the limit and one byte more.
    const data = await readAtMost(handle, limits.maxFileBytes + 1);
    if (data.length > limits.maxFileBytes) throw new ReadError(`file too large: over ${formatBytes(limits.maxFileBytes)} (limit ${formatBytes(limits.maxFileBytes)})`);
    return data;
  } finally {
    await handle.close();
  }
}

/**
 * Read from an open file until its end or `maxBytes`, whichever comes first.
 *
 * @param handle
 *   The open file.
 * @param maxBytes
 *   Most bytes to read.
 * @returns
 *   The bytes read (at most `maxBytes`).
 */
export async function readAtMost(handle: FileHandle, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < maxBytes) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  const data = Buffer.concat(chunks, total);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
