// Every widget text the code asks for exists in the source locale, so no user ever sees a raw key.
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') && !e.name.includes('.test.') ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

function lookup(texts: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      texts,
    );
}

describe('widget texts', () => {
  it('has an nb text for every widget key used in the code', async () => {
    const nb = JSON.parse(await readFile(resolve(packageRoot, 'locales/nb/widget.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const files = [
      ...(await sourceFiles(resolve(packageRoot, 'components'))),
      ...(await sourceFiles(resolve(packageRoot, 'src'))),
    ];
    const used = new Set<string>();
    for (const file of files) {
      const code = await readFile(file, 'utf8');
      // Literal keys only: 'widget:review.title'. Keys built at run time are checked by their own tests.
      for (const match of code.matchAll(/['"`]widget:([a-zA-Z0-9.]+)['"`]/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((key) => {
      const value = lookup(nb, key);
      const plural = lookup(nb, `${key}_one`) ?? lookup(nb, `${key}_other`);
      return typeof value !== 'string' && typeof plural !== 'string';
    });
    expect(missing).toEqual([]);
  });

  it('has a text for every state the review and sending can be in', async () => {
    const nb = JSON.parse(await readFile(resolve(packageRoot, 'locales/nb/widget.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const status of ['uploaded', 'later', 'missing'])
      expect(typeof lookup(nb, `attachments.${status}`)).toBe('string');
    for (const failure of ['network', 'invalid']) expect(typeof lookup(nb, `sendFailed.${failure}`)).toBe('string');
  });
});
