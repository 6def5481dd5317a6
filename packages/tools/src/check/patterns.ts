// `pattern`s that can backtrack catastrophically never reach a receiver (issue 12, Build 5): ajv runs
// every pattern on the user's text in the widget and again on the server, where `^(a+)+$` and 26
// characters blocked the event loop for seconds. redos-detector (a maintained, pure-JS analyser) proves
// a pattern can match any input in only a bounded number of ways; what it cannot prove is refused too.
import { isSafePattern } from 'redos-detector';
import { at, finding, type Finding } from './findings.ts';
import { walkSchema, type Model } from './model.ts';

/**
 * Work the detector may do per pattern. A step budget, not a time limit, so the verdict is the same on
 * a busy machine; ordinary patterns (^[0-9]{4}$, phone numbers) need a few dozen steps.
 */
const MAX_STEPS = 2000;

export type PatternVerdict = 'safe' | 'backtracking' | 'complex';

/** Whether a pattern, run as ajv runs it (the u flag), is safe from catastrophic backtracking. */
export function patternVerdict(pattern: string): PatternVerdict {
  try {
    const result = isSafePattern(pattern, { unicode: true, maxSteps: MAX_STEPS });
    if (result.safe) return 'safe';
    return result.error === 'hitMaxSteps' ? 'complex' : 'backtracking';
  } catch {
    // A valid pattern the detector cannot read is one it cannot prove safe.
    return 'complex';
  }
}

const isRegExp = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false; // answers-schema-invalid says so
  }
};

/** Every regular expression in a JSON Schema, with its pointer: `pattern` values and `patternProperties` names. */
export function schemaPatterns(schema: unknown, pointer: string): Array<{ pattern: string; pointer: string }> {
  const found: Array<{ pattern: string; pointer: string }> = [];
  walkSchema(schema, pointer, (node, here) => {
    if (typeof node.pattern === 'string') found.push({ pattern: node.pattern, pointer: at(here, 'pattern') });
    const named = node.patternProperties;
    if (typeof named === 'object' && named !== null && !Array.isArray(named)) {
      for (const name of Object.keys(named))
        found.push({ pattern: name, pointer: at(here, 'patternProperties', name) });
    }
  });
  return found;
}

/**
 * Patterns in the answers schema ($defs too). Conditions cannot hold one: the meta-schema allows no
 * `pattern` there (packages/tools/test/check/patterns.test.ts keeps it so).
 */
export function checkPatterns(model: Model): Finding[] {
  const findings: Finding[] = [];
  for (const found of schemaPatterns(model.definition.answers, '/answers')) {
    if (!isRegExp(found.pattern)) continue;
    const verdict = patternVerdict(found.pattern);
    if (verdict !== 'safe')
      findings.push(
        finding('pattern-backtracking', found.pointer, {
          pattern: found.pattern,
          ...(verdict === 'complex' ? { context: 'complex' } : {}),
        }),
      );
  }
  return findings;
}
