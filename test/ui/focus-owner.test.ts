// One owner of focus and of what screen readers hear (issue 14): components/klar-skjema/focus.ts is the only
// code in the widget that calls .focus() or renders a live region. Every other part asks it (the Focus
// interface), so focus moves and announcements follow one set of rules. The browser side is checked in
// live-region.browser.test.ts: exactly one live region on each view.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/node/paths.ts';

const OWNER = 'components/klar-skjema/focus.ts';

const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'components', 'src'], {
  cwd: packageRoot,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts') && !/\.(browser\.)?test\.ts$/.test(file));

/** Lines of code (not comments) that match, as "file:line: text". */
function find(pattern: RegExp): string[] {
  return sources.flatMap((file) =>
    readFileSync(join(packageRoot, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
        return pattern.test(line) ? [`${file}:${index + 1}: ${code}`] : [];
      }),
  );
}

describe('the focus controller', () => {
  it('scans the widget and the engine', () => {
    expect(sources).toContain(OWNER);
    expect(sources).toContain('components/klar-skjema/klar-skjema.ts');
    expect(sources.filter((file) => file.startsWith('src/')).length).toBeGreaterThan(20);
  });

  it('is the only code that moves focus', () => {
    const moves = find(/\.focus\s*\(/);
    expect(moves.filter((hit) => !hit.startsWith(`${OWNER}:`))).toEqual([]);
    expect(moves.length, 'the owner itself focuses').toBeGreaterThan(0);
  });

  it('renders the only live region', () => {
    // A CSS selector such as [role='status'] in a print style is not a region.
    const regions = find(/aria-live\s*=|(?<!\[)role\s*=\s*["'`]?(status|alert|log)\b/);
    expect(regions.filter((hit) => !hit.startsWith(`${OWNER}:`))).toEqual([]);
    expect(regions.length, 'the owner renders one').toBe(1);
  });
});
