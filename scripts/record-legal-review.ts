// Records that a legal text's plain variant says everything its standard text says (decision 0031), in
// locales/<lng>/legal-review.json, with the fingerprints of both texts as checked: the review goes stale,
// and `klarskjema check` fails, when either text changes. The reviewer runs it after comparing the two:
//   npx tsx scripts/record-legal-review.ts --locale nb --namespace sosialhjelp --by "Name, role" \
//     [--note "…"] fields.samtykke-skatt.label …
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { textFingerprint, type LegalReview } from '../src/definition/legal.ts';
import { readReviews } from '../packages/tools/src/check/legal.ts';
import { textLeaves } from '../src/i18n/text-leaves.ts';
import { packageRoot } from '../src/node/paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    locale: { type: 'string' },
    namespace: { type: 'string' },
    by: { type: 'string' },
    at: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    note: { type: 'string' },
  },
});

const { locale, namespace, by } = values;
if (!locale || !namespace || !by?.trim() || positionals.length === 0) {
  console.error('Give --locale, --namespace, --by and the standard keys whose plain variants you checked.');
  process.exit(2);
}
const locales = join(packageRoot, 'locales');
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8')) as unknown;
const texts = new Map(
  textLeaves(await readJson(join(locales, locale, `${namespace}.json`))).map(([path, value]) => [
    path.join('.'),
    value,
  ]),
);
const file = join(locales, locale, 'legal-review.json');
const reviews = readReviews(await readJson(file).catch(() => ({})));
const entries = (reviews[namespace] ??= {});
for (const key of positionals) {
  const standard = texts.get(key);
  const plain = texts.get(`${key}_plain`);
  if (typeof standard !== 'string' || typeof plain !== 'string') {
    console.error(`${key}: ${locale}/${namespace} has no standard and plain text by that key.`);
    process.exit(2);
  }
  const review: LegalReview = {
    by,
    at: values.at,
    standard: textFingerprint(standard),
    plain: textFingerprint(plain),
    ...(values.note ? { note: values.note } : {}),
  };
  entries[key] = review;
}
// One text per line, as in text-status.json: a review changes the lines of the texts it checked.
const lines = Object.entries(reviews).map(
  ([ns, entries]) =>
    `  ${JSON.stringify(ns)}: {\n${Object.entries(entries)
      .map(([key, review]) => `    ${JSON.stringify(key)}: ${JSON.stringify(review)}`)
      .join(',\n')}\n  }`,
);
await writeFile(file, `{\n${lines.join(',\n')}\n}\n`);
console.log(`${locale}/${namespace}: ${positionals.length} reviews recorded in ${file}.`);
