// How long one full lint takes: every example form (schemas/forms/*.json) in every locale and variant,
// plus the texts beside them (widget, glossary), repeated until the time is measurable. Prints the time per full lint.
// Not a timed test: run it by hand (npx tsx packages/tools/scripts/bench-lint.ts) when the engine changes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FormDefinition } from '../../../src/definition/types.ts';
import { localesDir, packageRoot, schemasDir } from '../../../src/node/paths.ts';
import { COLLECTIONS } from '../src/cli/lint.ts';
import { lintCollection, lintForm } from '../src/plain/lint.ts';
import { formDefinitionFiles, loadConfig, loadTexts } from '../src/plain/node.ts';

const config = loadConfig(undefined, packageRoot);
// Files are read once: the bench measures the engine, not the disk.
const forms = formDefinitionFiles(resolve(schemasDir, 'forms')).map((file) => {
  const definition = JSON.parse(readFileSync(file, 'utf8')) as FormDefinition;
  return { definition, ...loadTexts(localesDir, definition.id, packageRoot) };
});
const collections = COLLECTIONS.map((name) => ({ name, ...loadTexts(localesDir, name, packageRoot) }));

function fullLint(): number {
  let findings = 0;
  for (const form of forms)
    findings += lintForm({ definition: form.definition, texts: form.texts, files: form.files, config }).findings.length;
  for (const c of collections)
    findings += lintCollection({ name: c.name, texts: c.texts, files: c.files, config }).findings.length;
  return findings;
}

const coldStart = performance.now();
const findings = fullLint(); // the first run also builds the Intl segmenters and i18next
const cold = performance.now() - coldStart;

const minimumMs = 1000;
let runs = 0;
const start = performance.now();
while (performance.now() - start < minimumMs || runs < 20) {
  fullLint();
  runs++;
}
const perLint = (performance.now() - start) / runs;

const texts = forms.reduce((n, f) => n + Object.keys(f.texts).length, 0);
console.log(
  `forms: ${forms.map((f) => `${f.definition.id} (${Object.keys(f.texts).join(', ')})`).join('; ')}; ${collections.map((c) => `${c.name} (${Object.keys(c.texts).join(', ')})`).join('; ')}`,
);
console.log(
  `text files per lint: ${texts + collections.reduce((n, c) => n + Object.keys(c.texts).length, 0)}; findings per lint: ${findings}`,
);
console.log(`first lint (cold): ${cold.toFixed(1)} ms`);
console.log(`time per full lint: ${perLint.toFixed(2)} ms (mean of ${runs} runs; target well under 2000 ms)`);
