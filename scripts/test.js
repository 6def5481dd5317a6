#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure with its exit code.
// Plain Node, no shell: each tool runs from its package's bin file with this same Node.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Path of a package's command, from its package.json "bin". */
function bin(pkg, name) {
  const dir = join(root, 'node_modules', pkg);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    console.error(`npm test: ${pkg} is not installed. Run \`npm install\` (or \`npm ci\`) first.`);
    process.exit(1);
  }
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name];
  if (!entry) throw new Error(`${pkg} has no "${name}" command`);
  return join(dir, entry);
}

const stages = [
  { name: 'typecheck', command: 'tsc -p tsconfig.json', args: [bin('typescript', 'tsc'), '-p', 'tsconfig.json'] },
  // Formatting is Prettier's (npm run format); a difference here is fixed by running it, not by hand.
  {
    name: 'format',
    command: 'prettier --check "**/*.{ts,js,mjs}"',
    args: [bin('prettier', 'prettier'), '--check', '--log-level', 'warn', '**/*.{ts,js,mjs}'],
  },
  // The code linter (npm run lint:code): typescript-eslint, Lit, lit-a11y and custom-element rules.
  {
    name: 'code linter',
    command: 'eslint --max-warnings 0 .',
    args: [bin('eslint', 'eslint'), '--max-warnings', '0', '.'],
  },
  // Unused files, exports and dependencies (npm run lint:unused; knip.jsonc).
  { name: 'unused code', command: 'knip', args: [bin('knip', 'knip')] },
  {
    name: 'build form packages',
    command: 'tsx scripts/build-forms.ts',
    args: [bin('tsx', 'tsx'), 'scripts/build-forms.ts'],
  },
  {
    name: 'check forms',
    command: 'klarskjema check schemas/forms',
    args: ['packages/tools/bin/klarskjema.js', 'check', 'schemas/forms'],
  },
  // The plain-language gate: exit 1 when any text of a form, the widget or the glossary breaks a bar.
  {
    name: 'plain-language gate',
    command: 'klarskjema lint schemas/forms --widget --glossary --format html --out build/plain-language.html',
    args: [
      'packages/tools/bin/klarskjema.js',
      'lint',
      'schemas/forms',
      '--widget',
      '--glossary',
      '--format',
      'html',
      '--out',
      'build/plain-language.html',
    ],
  },
  { name: 'node tests', command: 'vitest run', args: [bin('vitest', 'vitest'), 'run'] },
  // The receiver's suite again, against a real PostgreSQL server (Debian's, started by the tests in a temporary folder).
  { name: 'postgresql', command: 'node scripts/ensure-postgres.js', args: ['scripts/ensure-postgres.js'] },
  {
    name: 'receiver on postgresql',
    command: 'vitest run --config vitest.postgres.config.ts',
    args: [bin('vitest', 'vitest'), 'run', '--config', 'vitest.postgres.config.ts'],
  },
  { name: 'chromium', command: 'node scripts/ensure-chromium.js', args: ['scripts/ensure-chromium.js'] },
  { name: 'browser tests', command: 'web-test-runner', args: [bin('@web/test-runner', 'web-test-runner')] },
  // The caseworker's inbox (server-rendered pages) in Chromium, driven from Node by playwright-core.
  {
    name: 'inbox in chromium',
    command: 'vitest run --config vitest.chromium.config.ts',
    args: [bin('vitest', 'vitest'), 'run', '--config', 'vitest.chromium.config.ts'],
  },
  // The published packages, packed and installed into empty projects; then host pages that embed the
  // installed widget: strict CSP, a hostile page, React 19, Vue 3, TypeScript 5.
  { name: 'build package', command: 'tsx scripts/build.ts', args: [bin('tsx', 'tsx'), 'scripts/build.ts'] },
  // The form tools and the receiver as they are published; the embed stage packs and installs all three.
  {
    name: 'build tools and receiver',
    command: 'tsx scripts/build-packages.ts',
    args: [bin('tsx', 'tsx'), 'scripts/build-packages.ts'],
  },
  {
    name: 'embed tests',
    command: 'vitest run --config vitest.embed.config.ts',
    args: [bin('vitest', 'vitest'), 'run', '--config', 'vitest.embed.config.ts'],
  },
  // The benchmark against SurveyJS, once and small (docs/decisions/0020-benchmark.md), so that it cannot rot: it
  // fails when a figure is missing, never on a time.
  {
    name: 'benchmark',
    command: 'tsx scripts/bench/bench.ts --quick',
    args: [bin('tsx', 'tsx'), 'scripts/bench/bench.ts', '--quick'],
  },
  // Last, so a widget over its budget still gets every other result first.
  { name: 'size budget', command: 'tsx scripts/size.ts', args: [bin('tsx', 'tsx'), 'scripts/size.ts'] },
];

// KLARSKJEMA_TEST_STAGES=name,name runs only those stages, in the usual order (a quick check, e.g. by
// scripts/stress.sh --stages); the summary says that the run was partial.
const only = process.env.KLARSKJEMA_TEST_STAGES?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
if (only?.length) {
  const unknown = only.filter((name) => !stages.some((stage) => stage.name === name));
  if (unknown.length) {
    console.error(
      `npm test: no stage named ${unknown.join(', ')}. The stages: ${stages.map((stage) => stage.name).join(', ')}.`,
    );
    process.exit(2);
  }
  stages.splice(0, stages.length, ...stages.filter((stage) => only.includes(stage.name)));
  console.log(`npm test: only ${stages.map((stage) => stage.name).join(', ')} (KLARSKJEMA_TEST_STAGES).`);
}

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const passed = [];

// Every stage's temporary folders go in one folder of this run, removed when it ends: many tests leave theirs
// (about 70 MB a run), and a failed or stopped one always does. Open to all, as /tmp is: the PostgreSQL stages
// run the server as the postgres user in a folder inside it.
const temp = mkdtempSync(join(tmpdir(), 'klarskjema-test-'));
chmodSync(temp, 0o1777);
const env = { ...process.env, TMPDIR: temp };
const finish = (code) => {
  try {
    rmSync(temp, { recursive: true, force: true });
  } catch (error) {
    // A file a test left immutable (chattr +i) or owned by another user: the run's result stands.
    console.warn(`npm test: could not remove ${temp}: ${error.message}`);
  }
  process.exit(code);
};

for (const [index, stage] of stages.entries()) {
  console.log(`\n=== ${index + 1}/${stages.length} ${stage.name}: ${stage.command} ===\n`);
  const stageStarted = Date.now();
  const result = spawnSync(process.execPath, stage.args, { cwd: root, stdio: 'inherit', env });
  const code = result.error ? 1 : (result.status ?? 1);
  if (result.error) console.error(`npm test: could not run ${stage.command}: ${result.error.message}`);
  if (result.signal) console.error(`npm test: ${stage.command} was stopped by ${result.signal}`);
  if (code !== 0) {
    console.log(
      `\nnpm test: FAILED at stage ${index + 1}/${stages.length} (${stage.name}), exit code ${code}, after ${seconds(started)}.` +
        (passed.length ? ` Passed before it: ${passed.join(', ')}.` : ''),
    );
    finish(code);
  }
  passed.push(stage.name);
  console.log(`\n--- ${stage.name}: ok (${seconds(stageStarted)})`);
}

console.log(
  `\nnpm test: ${only?.length ? 'the chosen' : 'all'} ${stages.length} stages passed (${passed.join(', ')}) in ${seconds(started)}.`,
);
finish(0);
