// One version for the three packages (docs/decisions/0016-packages.md): the root, both workspaces, the
// widget's VERSION constants and the newest CHANGELOG section agree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';

const read = (file: string): string => readFileSync(resolve(packageRoot, file), 'utf8');
const versionOf = (file: string): string => (JSON.parse(read(file)) as { version: string }).version;

describe('the release version', () => {
  const version = versionOf('package.json');

  it('is the same in klarskjema, @klarskjema/tools and @klarskjema/receiver', () => {
    expect(versionOf('packages/tools/package.json')).toBe(version);
    expect(versionOf('packages/receiver/package.json')).toBe(version);
  });

  it('is what the widget tells a second copy on the page', () => {
    for (const file of ['components/klar-skjema/define.ts', 'components/klar-skjema/loader.ts'])
      expect(read(file), file).toContain(`const VERSION = '${version}';`);
  });

  it('is the newest released section of the CHANGELOG (an «Unreleased» section may come first)', () => {
    const first = /^## (?!Unreleased\b)(\S+)/m.exec(read('CHANGELOG.md'));
    expect(first?.[1]).toBe(version);
  });
});
