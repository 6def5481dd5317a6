// Durable files for the receiver: what it acknowledges must survive a power cut. A file's bytes are
// fsynced before it is renamed into place, and the folder that holds the new name (and every new
// folder's own entry in its parent) is fsynced before the row that points at the file is committed.
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/** Folders of the data folder: owner only. */
export const FOLDER_MODE = 0o700;
/** Files of the data folder: owner only. */
export const FILE_MODE = 0o600;

/** fsync of a file or a folder (a folder opened read-only can be fsynced on Linux and macOS). */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Folders under root whose entries are known to be on disk, so that each is fsynced once per process. */
export class DurableFolders {
  readonly #root: string;
  readonly #synced = new Set<string>();

  constructor(root: string) {
    this.#root = resolve(root);
  }

  /** Creates dir (under root) with its missing parents, mode 0700, and fsyncs each one's parent. */
  async ensure(dir: string): Promise<void> {
    const target = resolve(dir);
    if (this.#synced.has(target)) return;
    if (!target.startsWith(this.#root + sep)) throw new Error('A durable folder must be inside the data folder.');
    await mkdir(target, { recursive: true, mode: FOLDER_MODE });
    // Whether this call or a concurrent one created them, the new entries are durable only once
    // their parents are fsynced: do it for every level below root that is not known to be.
    for (let folder = target; folder !== this.#root && !this.#synced.has(folder); folder = dirname(folder)) {
      await syncPath(dirname(folder));
      this.#synced.add(folder);
    }
  }

  /** Moves a written file into place for good: its bytes, then its new name, then the name's folder. */
  async moveIntoPlace(from: string, to: string): Promise<void> {
    await syncPath(from);
    await this.ensure(dirname(to));
    await rename(from, to);
    await syncPath(dirname(to));
  }
}

/** Writes, fsyncs and deletes a file of `bytes` zero bytes in folder: whether the file system can take
 *  a write right now (full, read-only, I/O error), for readiness. */
export async function probeFolder(folder: string, bytes: number): Promise<void> {
  const file = resolve(folder, '.health-probe');
  const handle = await open(file, 'w', FILE_MODE);
  try {
    await handle.write(Buffer.alloc(bytes));
    await handle.sync();
  } finally {
    await handle.close();
    await unlink(file).catch(() => {});
  }
}
