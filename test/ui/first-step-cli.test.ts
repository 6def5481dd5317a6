// `klarskjema first-step` as a host's build script runs it: the element on standard output and the policy line on
// standard error, or both said after writing a file; a wrong folder or option said in one line with exit code 2.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';
import { runCli as run } from '../helpers/cli.ts';
import { examplePackageFolder } from '../helpers/form-packages.ts';

describe('klarskjema first-step', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await examplePackageFolder('kontakt');
  });

  it('prints the element with its first step, and the policy line apart from it', async () => {
    const { code, stdout, stderr } = await run(
      ['first-step', dir, '--locale', 'fa', '--variant', 'plain', '--form', '/skjema/kontakt/', '--lang', 'en'],
      packageRoot,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^<klar-skjema form="\/skjema\/kontakt\/" lang="fa" variant="plain"><template shadowrootmode="open"><style data-klar-first-step="kontakt@[^"]+ fa plain">/,
    );
    expect(stdout.trimEnd()).toMatch(/<\/template><\/klar-skjema>$/);
    expect(stderr).toMatch(/^Add to the Content-Security-Policy: style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'\n$/);
  });

  it('writes a file with --out and says so', async () => {
    const work = await mkdtemp(join(tmpdir(), 'klarskjema-first-step-'));
    const { code, stdout } = await run(['first-step', dir, '--out', 'steg.html'], work);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Lagde steg\.html\.\nLegg til i Content-Security-Policy: style-src 'self' 'sha256-/);
    expect(await readFile(join(work, 'steg.html'), 'utf8')).toMatch(/^<klar-skjema form="[^"]+" lang="nb" /);
  });

  it.each([
    [['first-step'], 'Skriv én skjemapakke'],
    [['first-step', 'nope'], 'nope er ikke en skjemapakke'],
    [['first-step', 'x', '--variant', 'loud'], 'loud'],
    [['first-step', 'x', '--format', 'json'], '--format'],
  ])('exits 2 with one line on %j', async (args, words) => {
    const { code, stdout, stderr } = await run(args, packageRoot);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toContain(words);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
