// Where the record may be used: src/record/ is pure (no Node module, no package), so the receiver and the
// tools bundle it and a browser could too; the widget never imports it (its size budget,
// docs/decisions/0012-lazy-chunks.md); only Node code (src/node/, the tools, the receiver) imports the PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: packageRoot,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts'));

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
function importsOf(file: string): string[] {
  const text = readFileSync(join(packageRoot, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = (match[1] ?? match[2])!;
    return specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : specifier;
  });
}

describe("the record's boundaries", () => {
  it('src/record imports only the engine, the definition, the i18n formats and its own texts', () => {
    const record = files.filter((file) => file.startsWith('src/record/'));
    expect(record.length).toBeGreaterThan(3);
    const wrong = record.flatMap((file) =>
      importsOf(file)
        .filter((target) => !/^(src\/(record|engine|definition|i18n)\/|locales\/nb\/record\.json$)/.test(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the widget never imports the record, and only Node code imports the PDF', () => {
    const widget = files.filter(
      (file) =>
        !file.startsWith('test/') &&
        (file.startsWith('components/') ||
          /^src\/(definition|engine|validation|browser|drafts|submit|i18n)\//.test(file)),
    );
    expect(
      widget.flatMap((file) => importsOf(file).filter((t) => t.startsWith('src/record/') || t.includes('record-pdf'))),
    ).toEqual([]);
    const pdfUsers = files.filter(
      (file) => !file.startsWith('test/') && importsOf(file).includes('src/node/record-pdf.ts'),
    );
    for (const file of pdfUsers) expect(file).toMatch(/^(src\/node\/|packages\/(tools|receiver)\/src\/)/);
  });
});
