// The order that makes an attachment durable: its bytes fsynced before the rename, the folders that
// hold its new name fsynced after it, all before the caller commits the row. The file system calls
// are recorded (and really done, in a temporary folder).
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (path: string, flags: string, mode?: number) => {
      const handle = await actual.open(path, flags, mode);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`fsync ${path}`);
        await sync();
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      calls.push(`rename ${from} ${to}`);
      await actual.rename(from, to);
    },
    mkdir: async (path: string, options: { recursive: true; mode: number }) => {
      calls.push(`mkdir ${path}`);
      return actual.mkdir(path, options);
    },
  };
});
const { DurableFolders, probeFolder } = await import('../src/durable.ts');

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'klarskjema-durable-'));
  calls.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('DurableFolders', () => {
  it('fsyncs the file, creates the folders (0700), renames, then fsyncs every folder that holds a new name', async () => {
    const folders = new DurableFolders(root);
    const part = join(root, 'upload.part');
    await writeFile(part, 'bytes');
    const to = join(root, 'attachments', 'stotte', 'id-1', 'ref-1');
    await folders.moveIntoPlace(part, to);
    expect(calls).toEqual([
      `fsync ${part}`,
      `mkdir ${join(root, 'attachments', 'stotte', 'id-1')}`,
      `fsync ${join(root, 'attachments', 'stotte')}`,
      `fsync ${join(root, 'attachments')}`,
      `fsync ${root}`,
      `rename ${part} ${to}`,
      `fsync ${join(root, 'attachments', 'stotte', 'id-1')}`,
    ]);
    expect(await readFile(to, 'utf8')).toBe('bytes');
    for (const folder of ['attachments', 'attachments/stotte', 'attachments/stotte/id-1'])
      expect((await stat(join(root, folder))).mode & 0o777).toBe(0o700);

    // A second file in a known folder: its bytes and its folder only.
    calls.length = 0;
    const second = join(root, 'second.part');
    await writeFile(second, 'more');
    const to2 = join(root, 'attachments', 'stotte', 'id-1', 'ref-2');
    await folders.moveIntoPlace(second, to2);
    expect(calls).toEqual([
      `fsync ${second}`,
      `rename ${second} ${to2}`,
      `fsync ${join(root, 'attachments', 'stotte', 'id-1')}`,
    ]);
    // A sibling folder: only the new level's parent is fsynced again.
    calls.length = 0;
    await folders.ensure(join(root, 'attachments', 'stotte', 'id-2'));
    expect(calls).toEqual([
      `mkdir ${join(root, 'attachments', 'stotte', 'id-2')}`,
      `fsync ${join(root, 'attachments', 'stotte')}`,
    ]);
    await expect(folders.ensure(join(tmpdir(), 'elsewhere'))).rejects.toThrow('inside the data folder');
  });

  it('probes a folder with a written, fsynced and deleted file', async () => {
    await probeFolder(root, 4096);
    expect(calls).toEqual([`fsync ${join(root, '.health-probe')}`]);
    await expect(stat(join(root, '.health-probe'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(probeFolder(join(root, 'missing'), 4096)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
