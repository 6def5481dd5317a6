// The architecture's boundaries (docs/design.md), as a test: the engine never imports the components; the
// widget's code (what ships to browsers) never imports ajv, Node's modules, the tools or the receiver; the
// root never imports the workspace packages (they import the engine, never the other way round).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/node/paths.ts';

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: packageRoot,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts'));

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]/gm;

/** Every module a file imports: relative ones as repository paths, packages by name. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(packageRoot, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    return specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : specifier;
  });
}

const isTest = (file: string): boolean =>
  /\.(browser\.)?test\.ts$/.test(file) || file.startsWith('test/') || file.includes('/test/');
/** What ships to browsers: the components and the engine folders they use (src/node is Node's). */
const widgetCode = files.filter(
  (file) =>
    !isTest(file) &&
    (file.startsWith('components/') || /^src\/(definition|engine|validation|browser|drafts|submit|i18n)\//.test(file)),
);
const NOT_IN_THE_BROWSER =
  /^(node:|ajv|esbuild|better-sqlite3|pg$|pg\/|tsx|typescript|vitest|redos-detector|fs$|path$|url$|crypto$)/;

describe('boundaries', () => {
  it('has code to check (the scan finds the widget and the engine)', () => {
    expect(widgetCode.length).toBeGreaterThan(50);
    expect(widgetCode).toContain('components/klar-skjema/klar-skjema.ts');
    expect(widgetCode).toContain('src/engine/machine.ts');
  });

  it('src/ never imports components/', () => {
    const wrong = files
      .filter((file) => file.startsWith('src/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith('components/'))
          .map((target) => `${file} → ${target}`),
      );
    expect(wrong).toEqual([]);
  });

  it("the widget's code imports no ajv, no Node module, no build tool, and neither the tools nor the receiver", () => {
    const wrong = widgetCode.flatMap((file) =>
      importsOf(file)
        .filter(
          (target) =>
            NOT_IN_THE_BROWSER.test(target) || target.startsWith('packages/') || target.startsWith('src/node/'),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the root package never imports the workspace packages', () => {
    const wrong = files
      .filter((file) => (file.startsWith('src/') || file.startsWith('components/')) && !isTest(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith('packages/') || target.startsWith('@klarskjema/'))
          .map((target) => `${file} → ${target}`),
      );
    expect(wrong).toEqual([]);
  });

  it('the receiver never imports the tools, nor the tools the receiver', () => {
    const across = (from: string, to: string): string[] =>
      files
        .filter((file) => file.startsWith(`packages/${from}/src/`))
        .flatMap((file) =>
          importsOf(file)
            .filter((target) => target.startsWith(`packages/${to}/`))
            .map((target) => `${file} → ${target}`),
        );
    expect([...across('receiver', 'tools'), ...across('tools', 'receiver')]).toEqual([]);
  });
});
