// How `klarskjema lint --text` grows with the length of a text: 5,000 to 50,000 words of Norwegian built from
// the example forms' nb texts, once as lines and paragraphs and once as one long line. Each size runs the real
// command in its own process and prints its wall time, CPU time and peak memory (maxRSS), then the growth
// 5k → 50k. The bar (issue 17): 50,000 words under 2 s and under 200 MB, judged on CPU time, since the machines are
// shared. Not a timed test: `npm run bench:lint`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { localesDir, packageRoot } from '../../../src/node/paths.ts';
import { textLeaves } from '../../../src/i18n/text-leaves.ts';
import { RULES } from '../src/plain/rules/index.ts';

const SIZES = [5_000, 10_000, 20_000, 50_000];
const FORMS = ['sosialhjelp', 'kontakt', 'stotte', 'aktivitet'];
const bin = resolve(packageRoot, 'packages/tools/bin/klarskjema.js');
// Written by the child at exit: its peak resident memory (kilobytes) and CPU time (microseconds, user + system).
const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('usage '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

const formTexts = FORMS.flatMap((form) =>
  textLeaves(JSON.parse(readFileSync(join(localesDir, 'nb', `${form}.json`), 'utf8')))
    .map(([, value]) => value)
    .filter((value): value is string => typeof value === 'string'),
);
// The form texts are clean; the rules' own bokmål examples of what to flag give the rules work to do.
const flagged = RULES.flatMap((rule) => rule.examples.flag)
  .filter((example) => (example.locale ?? 'nb') === 'nb' && example.source === undefined)
  .map((example) => example.text);
const sentences = formTexts.flatMap((text, i) => (i % 4 === 0 ? [text, flagged[(i / 4) % flagged.length]!] : [text]));

/** About `words` words: the texts one a line, an empty line after every fifth; or all on one line. */
function build(words: number, oneLine: boolean): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const text = sentences[i % sentences.length]!;
    out.push(text);
    count += text.split(/\s+/).length;
    if (!oneLine && i % 5 === 4) out.push('');
  }
  return oneLine ? out.map((t) => (/[.!?:]$/.test(t) ? t : `${t}.`)).join(' ') : out.join('\n');
}

interface Run {
  words: number;
  /** Wall time, and the CPU time of the process (what it costs when the machine is shared). */
  ms: number;
  cpuMs: number;
  mb: number;
  findings: number;
}

function run(file: string, words: number): Run {
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', REPORT_USAGE, bin, 'lint', '--text', file, '--locale', 'nb', '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  const ms = performance.now() - start;
  if (child.status !== 0 && child.status !== 1) throw new Error(`lint exited ${child.status}: ${child.stderr}`);
  const [, kb = NaN, cpu = NaN] = /usage (\d+) (\d+)/.exec(child.stderr)?.map(Number) ?? [];
  const [result] = JSON.parse(child.stdout) as Array<{ findings: unknown[] }>;
  return { words, ms, cpuMs: cpu / 1000, mb: kb / 1024, findings: result?.findings.length ?? 0 };
}

const dir = mkdtempSync(join(tmpdir(), 'klarskjema-bench-lint-'));
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall times grow with it)\n`);
let failed = false;
try {
  for (const oneLine of [false, true]) {
    console.log(oneLine ? '\nOne long line:' : 'Lines and paragraphs:');
    const runs: Run[] = [];
    for (const words of SIZES) {
      const file = join(dir, `${words}${oneLine ? '-line' : ''}.txt`);
      const text = build(words, oneLine);
      writeFileSync(file, text);
      const measured = run(file, text.split(/\s+/).length);
      runs.push(measured);
      console.log(
        `  ${String(measured.words).padStart(6)} words: ${measured.ms.toFixed(0).padStart(5)} ms (CPU ${measured.cpuMs.toFixed(0).padStart(5)} ms), peak ${measured.mb.toFixed(0).padStart(4)} MB, ${measured.findings} findings`,
      );
    }
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    const words = last.words / first.words;
    console.log(
      `  growth ${first.words} → ${last.words} words (×${words.toFixed(1)}): time ×${(last.ms / first.ms).toFixed(1)}, CPU ×${(last.cpuMs / first.cpuMs).toFixed(1)}, memory ×${(last.mb / first.mb).toFixed(1)}`,
    );
    // CPU time, not wall time, decides: on a shared machine the wall time measures the neighbours.
    const ok = last.cpuMs < 2000 && last.mb < 200;
    if (!ok) failed = true;
    console.log(`  50,000 words under 2 s of CPU and 200 MB: ${ok ? 'yes' : 'NO'}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
