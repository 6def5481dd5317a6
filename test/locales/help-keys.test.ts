// Widget texts whose keys the help panel, the privacy notice, the review page and the receipt build at
// run time (a channel, a part of the notice, a kind of missing thing): every one exists in every locale.
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTACT_CHANNELS } from '../../src/engine/help.ts';
import { PRIVACY_PARTS } from '../../src/definition/legal.ts';
import { packageRoot } from '../../src/node/paths.ts';

const lookup = (texts: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      texts,
    );

const builtKeys = [
  ...CONTACT_CHANNELS.flatMap((channel) => [`help.channels.${channel}`, `help.asked.${channel}`]),
  ...PRIVACY_PARTS.flatMap((part) => [`privacy.${part}`, `privacy.${part}Title`]),
  'privacy.title',
  'privacy.more',
  ...['documentLater', 'documentMissing', 'documentNoChoice'].flatMap((what) => [
    `review.${what}`,
    `review.means.${what}`,
  ]),
  'review.means.unsureAnswer',
];

describe('texts the help panel, privacy notice, review page and receipt build at run time', () => {
  it('exist, not empty, in every locale', async () => {
    const locales = (await readdir(resolve(packageRoot, 'locales'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(locales.length).toBeGreaterThanOrEqual(9);
    const missing: string[] = [];
    for (const locale of locales) {
      const texts = JSON.parse(
        await readFile(resolve(packageRoot, 'locales', locale, 'widget.json'), 'utf8'),
      ) as unknown;
      for (const key of builtKeys) {
        const text = lookup(texts, key);
        if (typeof text !== 'string' || text.trim() === '') missing.push(`${locale}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
