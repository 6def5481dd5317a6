// Uploads that no submission followed, and what a crash left behind, are deleted, so that abandoned or
// hostile uploads cannot fill the data disk for good (docs/decisions/0005-receiver.md, "Uploads").
//
// - sweepUploads: rows of uploads received before a cutoff whose submission was never stored are deleted
//   first, then their files; a crash in between leaves files without rows, which removeLeftovers removes.
// - removeLeftovers (at start-up and with every sweep): .part files of receivers that are no longer running, and
//   files under attachments/<form>/<submission id>/ that have no row (a crash between the rename and the insert).
//   Several receivers may share the data folder (one machine, or a shared volume: PostgreSQL, 0013), so a file
//   is a leftover only once nobody has written it for LEFTOVER_GRACE_MS: another receiver may be between its
//   rename and its insert right now, and a process id says nothing about a receiver on another machine.
import { randomUUID } from 'node:crypto';
import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SubmissionStore } from './store.ts';

/** Far longer than an upload's last write, rename and insert take (the request timeout, the database's
 *  connect and statement timeouts), so that a file in use by a live receiver is never taken for a leftover. */
export const LEFTOVER_GRACE_MS = 10 * 60 * 1000;

export interface SweepReport {
  /** Uploads deleted (row and file). */
  uploads: number;
}

export interface LeftoversReport {
  /** .part files removed. */
  parts: number;
  /** Attachment files without a row removed. */
  orphans: number;
}

/** The name of a file being received: the receiving process's pid first, so that a receiver starting beside
 *  a running one (same data folder) removes only the .part files of processes that are gone. */
export function incomingFileName(): string {
  return `${process.pid}-${randomUUID()}.part`;
}

const PART = /^(\d+)-[0-9a-f-]{36}\.part$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // this process receives nothing before its start-up cleanup
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

const missingIsEmpty = (error: unknown): [] => {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
  throw error;
};

const removeFile = (file: string): Promise<boolean> =>
  unlink(file).then(
    () => true,
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    },
  );

/** Removes a submission's folder once it is empty; a folder still in use stays. */
const removeIfEmpty = (dir: string): Promise<void> => rmdir(dir).catch(() => {});

/** Deletes uploads received before `receivedBefore` whose submission never came: rows, then files. */
export async function sweepUploads(
  store: SubmissionStore,
  dataDir: string,
  receivedBefore: Date,
): Promise<SweepReport> {
  const deleted = await store.deleteUnsubmittedUploads(receivedBefore);
  const folders = new Set<string>();
  for (const upload of deleted) {
    const file = resolve(dataDir, upload.storagePath);
    await removeFile(file);
    folders.add(resolve(file, '..'));
  }
  for (const folder of folders) await removeIfEmpty(folder);
  return { uploads: deleted.length };
}

/** Whether nobody has written the file since before `cutoff` (a file already gone is not a leftover). */
const untouchedSince = (file: string, cutoff: number): Promise<boolean> =>
  stat(file).then(
    (s) => s.mtimeMs < cutoff,
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    },
  );

/** Removes .part files of receivers no longer running and attachment files without a row, once untouched for
 *  LEFTOVER_GRACE_MS at `now`. */
export async function removeLeftovers(
  store: SubmissionStore,
  dataDir: string,
  now: Date = new Date(),
): Promise<LeftoversReport> {
  const cutoff = now.getTime() - LEFTOVER_GRACE_MS;
  const attachmentsDir = resolve(dataDir, 'attachments');
  const report: LeftoversReport = { parts: 0, orphans: 0 };
  const incomingDir = join(attachmentsDir, '.incoming');
  for (const entry of await readdir(incomingDir, { withFileTypes: true }).catch(missingIsEmpty)) {
    const match = PART.exec(entry.name);
    // A .part file of the old naming (no pid) is from a receiver before this one: always a leftover.
    const leftover = entry.name.endsWith('.part') && (!match || !isRunning(Number(match[1])));
    const file = join(incomingDir, entry.name);
    if (leftover && !entry.isDirectory() && (await untouchedSince(file, cutoff)) && (await removeFile(file)))
      report.parts += 1;
  }
  for (const form of await readdir(attachmentsDir, { withFileTypes: true }).catch(missingIsEmpty)) {
    if (!form.isDirectory() || form.name === '.incoming') continue;
    const formDir = join(attachmentsDir, form.name);
    for (const submission of await readdir(formDir, { withFileTypes: true }).catch(missingIsEmpty)) {
      if (!submission.isDirectory()) continue;
      const submissionDir = join(formDir, submission.name);
      const refs = new Set(
        (await store.uploadsOf(form.name, submission.name)).map((u) => resolve(dataDir, u.storagePath)),
      );
      for (const file of await readdir(submissionDir, { withFileTypes: true }).catch(missingIsEmpty)) {
        const path = join(submissionDir, file.name);
        if (!file.isDirectory() && !refs.has(path) && (await untouchedSince(path, cutoff)) && (await removeFile(path)))
          report.orphans += 1;
      }
      await removeIfEmpty(submissionDir);
    }
  }
  return report;
}
