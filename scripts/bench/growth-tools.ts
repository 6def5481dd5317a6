// `npm run bench:growth`: check and build of generated forms (scripts/bench/growth.ts) at 110, 1,100, 11,000 and
// 20,000 fields, in this process, without a browser: the CPU each takes and how it grows per 10× the fields.
// Issue 20 asks that 10× the fields cost at most 12× the CPU. Not a timed test: it prints, it does not judge,
// except that a failed check or build exits with 1.
//   npm run bench:growth                 110, 1,100, 11,000, 20,000
//   npm run bench:growth -- 110,1100     other sizes
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAndBuild, generateForm, type Timed } from './growth.ts';

const sizes = (process.argv[2] ?? '110,1100,11000,20000').split(',').map(Number);
const work = await mkdtemp(join(tmpdir(), 'klarskjema-growth-'));
const rows: Array<{ fields: number; check: Timed; build: Timed }> = [];
const ms = (figure: Timed['cpuMs']): string => (typeof figure === 'number' ? `${Math.round(figure)} ms` : figure);
let failed = false;
try {
  // One uncounted run first: the first check and build also pay for compiling the meta-schema and warming the JIT.
  await checkAndBuild(generateForm(110), join(work, 'locales'), join(work, 'warm-up'));
  for (const fields of sizes) {
    const { check, build } = await checkAndBuild(generateForm(fields), join(work, 'locales'), join(work, 'forms'));
    rows.push({ fields, check, build });
    failed ||= typeof check.cpuMs !== 'number' || typeof build.cpuMs !== 'number';
    console.log(
      `${String(fields).padStart(6)} fields: check ${ms(check.cpuMs)} CPU (${ms(check.wallMs)} wall); build ${ms(build.cpuMs)} CPU (${ms(build.wallMs)} wall)`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
// How the CPU grows from one size to the next, against how the fields grow (linear: the same factor).
const total = (row: (typeof rows)[number]): Timed['cpuMs'] =>
  typeof row.check.cpuMs === 'number' && typeof row.build.cpuMs === 'number'
    ? row.check.cpuMs + row.build.cpuMs
    : 'failed: check or build';
const times = (x: Timed['cpuMs'], y: Timed['cpuMs']): string =>
  typeof x === 'number' && typeof y === 'number' ? `${(y / x).toFixed(1)}×` : 'n/a';
console.log('\nCPU from one size to the next (linear: as many times as the fields; the issue allows 12× for 10×):');
for (let i = 1; i < rows.length; i++) {
  const [a, b] = [rows[i - 1]!, rows[i]!];
  console.log(
    `  ${a.fields} → ${b.fields} (${(b.fields / a.fields).toFixed(1)}× the fields): check ${times(a.check.cpuMs, b.check.cpuMs)}, build ${times(a.build.cpuMs, b.build.cpuMs)}, check + build ${times(total(a), total(b))}`,
  );
}
process.exitCode = failed ? 1 : 0;
