// axe-core for browser tests. axe-core is a UMD script, not an ES module: it is loaded with a <script src>
// from the test server (/node_modules/axe-core/axe.min.js) and used through window.axe. The test page
// (web-test-runner.config.mjs) already loads it, because under Trusted Types `script.src = …` is blocked;
// on a page without it (or without Trusted Types) this helper inserts the script itself.
// Test-time only: nothing under src/ or components/ may import this.
import type * as AxeCore from 'axe-core';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';

type Axe = typeof AxeCore;

const AXE_URL = '/node_modules/axe-core/axe.min.js';

/** WCAG 2.2 AA (with 2.0 and 2.1 A/AA) and axe's best practices. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

let loading: Promise<Axe> | undefined;

function loadAxe(): Promise<Axe> {
  const existing = (window as { axe?: Axe }).axe;
  if (existing) return Promise.resolve(existing);
  loading ??= new Promise<Axe>((resolve, reject) => {
    const script = document.createElement('script');
    try {
      script.src = AXE_URL;
    } catch (error) {
      reject(
        new Error(
          `cannot load ${AXE_URL} on this page (${(error as Error).message}); load it with a <script src> in the page instead`,
        ),
      );
      return;
    }
    script.onload = () => {
      const axe = (window as { axe?: Axe }).axe;
      if (axe) resolve(axe);
      else reject(new Error(`${AXE_URL} loaded but did not define window.axe`));
    };
    script.onerror = () => reject(new Error(`could not load ${AXE_URL}; is axe-core installed (npm install)?`));
    document.head.append(script);
  });
  return loading;
}

export interface CheckA11yOptions {
  /** Where the check ran (form, language, step), put in front of the violations. */
  at?: string;
  /** Rule ids to switch off for this check, each with a reason in the calling test, e.g. 'region' for a lone fragment. */
  disableRules?: string[];
}

/** One readable block per violation: rule, impact, help, link, then each failing element and what to fix. */
export function formatViolations(violations: Result[]): string {
  const lines = [`axe found ${violations.length} accessibility violation${violations.length === 1 ? '' : 's'}:`];
  for (const violation of violations) {
    lines.push(
      '',
      `● ${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}`,
      `  ${violation.helpUrl}`,
    );
    for (const node of violation.nodes) {
      lines.push(`  - ${node.target.join(' ')}  ${node.html}`);
      for (const line of (node.failureSummary ?? '').split('\n')) if (line.trim()) lines.push(`      ${line.trim()}`);
    }
  }
  return lines.join('\n');
}

// axe refuses to run twice at once ("Axe is already running"), so checks wait for each other.
let queue: Promise<unknown> = Promise.resolve();

/** Runs axe on root (which must be attached to the document); throws an Error listing every violation. */
export async function checkA11y(root: ElementContext = document, options: CheckA11yOptions = {}): Promise<AxeResults> {
  const axe = await loadAxe();
  const rules: NonNullable<RunOptions['rules']> = { 'target-size': { enabled: true } };
  for (const id of options.disableRules ?? []) rules[id] = { enabled: false };
  const run = queue.then(() =>
    axe.run(root, { runOnly: { type: 'tag', values: [...A11Y_TAGS] }, rules, resultTypes: ['violations'] }),
  );
  queue = run.catch(() => undefined);
  const results = await run;
  if (results.violations.length > 0)
    throw new Error(`${options.at ? `${options.at}:\n` : ''}${formatViolations(results.violations)}`);
  return results;
}
