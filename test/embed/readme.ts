// The embedding guide's examples (docs/embedding.md), as the tests run them: each is a fenced block right
// after a marker comment `<!-- embed-example: NAME -->`, so what the guide shows is exactly what is tested.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { packageRoot } from '../../src/node/paths.ts';

/** The document that holds the examples, from the repository root. */
export const EMBEDDING_GUIDE = 'docs/embedding.md';

export async function readmeExample(name: string): Promise<string> {
  const readme = await readFile(resolve(packageRoot, EMBEDDING_GUIDE), 'utf8');
  const marker = `<!-- embed-example: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at === -1) throw new Error(`${EMBEDDING_GUIDE} has no ${marker}`);
  const block = /^\s*```[a-z]*\n([\s\S]*?)\n```/.exec(readme.slice(at + marker.length));
  if (!block) throw new Error(`${EMBEDDING_GUIDE}: no fenced code block right after ${marker}`);
  return `${block[1]!}\n`;
}

/** A Content-Security-Policy the embedding guide gives (a one-line `text` block after `<!-- embed-example: NAME -->`). */
export async function readmePolicy(name: string): Promise<string> {
  const policy = (await readmeExample(name)).trim();
  if (policy.includes('\n') || !policy.startsWith('default-src'))
    throw new Error(`${EMBEDDING_GUIDE}: ${name} is not a one-line policy: ${policy}`);
  return policy;
}
