// The klarskjema command as a user runs it: a child process of this Node, its exit code and both streams.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { packageRoot } from '../../src/node/paths.ts';

const bin = resolve(packageRoot, 'packages/tools/bin/klarskjema.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...process.env, KLARSKJEMA_DEBUG: '' }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}
