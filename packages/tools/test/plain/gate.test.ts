// The plain-language gate: the example forms (schemas/forms/*.json with locales/<lng>/<form>.json), the
// widget's own texts (locales/<lng>/widget.json) and the glossary (glossary.json) must not break a bar of
// docs/plain-language.md. Any finding of severity error fails, with its file, key, locale, variant, rule and
// message. Warnings and tips do not fail the gate; `klarskjema lint` shows them.
//
// Plain variants: where a text has no `_plain` key, the plain variant is the standard text (i18next
// context fallback). The plain LIX bar (≤ 33 and below standard) applies only to steps with at least one
// own `_plain` text; see docs/decisions/0004-plain-language-engine.md.
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localesDir, packageRoot, schemasDir } from '../../../../src/node/paths.ts';
import { formDefinitionFiles, lintCollectionFiles, lintFormFiles, loadConfig } from '../../src/plain/node.ts';
import type { Finding } from '../../src/plain/types.ts';

const config = loadConfig(undefined, packageRoot);
// As `klarskjema lint` fails: an error the author waived with a reason (a note beside the text) fails nothing.
const failing = (f: Finding): boolean => f.severity === 'error' && f.waived === undefined;
const describeFinding = (f: Finding): string =>
  `${f.file} ${f.key} [${f.locale}/${f.variant}] ${f.rule}${f.value === undefined ? '' : ` (${f.value}, bar ${f.limit})`}: ${f.message}`;

describe('plain-language gate', () => {
  const forms = formDefinitionFiles(resolve(schemasDir, 'forms'));

  it('finds the example forms', () => {
    expect(forms.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of forms) {
    it(`${basename(file)}: no text breaks a bar`, () => {
      const result = lintFormFiles({ definitionFile: file, localesDir, config, relativeTo: packageRoot });
      expect(result.locales).toContain('nb');
      for (const step of result.steps) expect(result.scores[step.id]?.nb?.standard.words, step.id).toBeGreaterThan(0);
      expect(result.findings.filter(failing).map(describeFinding)).toEqual([]);
    });
  }

  // inbox: the caseworkers' inbox (packages/receiver/src/inbox/), bokmål only.
  for (const namespace of ['widget', 'glossary', 'inbox']) {
    it(`${namespace}.json: no text breaks a bar`, () => {
      const result = lintCollectionFiles({ localesDir, namespace, config, relativeTo: packageRoot });
      expect(result.locales).toContain('nb');
      expect(result.findings.filter(failing).map(describeFinding)).toEqual([]);
    });
  }
});
