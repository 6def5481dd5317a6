// Records how translated texts were checked against nb, in locales/<lng>/text-status.json (decision 0027).
// A reviewer runs it after checking texts, so each status carries the fingerprint of the nb text it was
// checked against and goes stale when nb changes:
//   npx tsx scripts/record-text-status.ts --locale pl --namespace sosialhjelp --method native-review \
//     --state reviewed --by "Name, authorised translator" [--note "…"] [--confidence high] key … | --critical | --all
// A translator's XLIFF file records statuses through `klarskjema translate import` (decision 0032).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHECK_METHODS,
  formatStatuses,
  isTextStatus,
  nbFingerprint,
  nbSourceKey,
  readKeyLists,
  readStatuses,
  type CheckMethod,
  type TextStatus,
} from '../packages/tools/src/check/text-status.ts';
import { textLeaves } from '../src/i18n/text-leaves.ts';
import { packageRoot } from '../src/node/paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    locale: { type: 'string' },
    namespace: { type: 'string' },
    method: { type: 'string' },
    state: { type: 'string', default: 'draft' },
    by: { type: 'string' },
    at: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    note: { type: 'string' },
    confidence: { type: 'string' },
    critical: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
  },
});

const locales = join(packageRoot, 'locales');
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8')) as unknown;
const texts = async (locale: string, namespace: string): Promise<Map<string, unknown>> =>
  new Map(
    textLeaves(await readJson(join(locales, locale, `${namespace}.json`))).map(([path, value]) => [
      path.join('.'),
      value,
    ]),
  );

const { locale, namespace, method, by } = values;
if (!locale || locale === 'nb' || !namespace || !by || !CHECK_METHODS.includes(method as CheckMethod)) {
  console.error(`Give --locale (not nb), --namespace, --by and --method (${CHECK_METHODS.join(' | ')}).`);
  process.exit(2);
}
const nb = await texts('nb', namespace);
const own = await texts(locale, namespace);
const keys = values.all
  ? [...own.keys()]
  : values.critical
    ? (readKeyLists(await readJson(join(locales, 'nb', 'critical.json')))[namespace] ?? []).filter((k) => own.has(k))
    : positionals;
const file = join(locales, locale, 'text-status.json');
const statuses = readStatuses(await readJson(file).catch(() => ({})));
const entries = (statuses[namespace] ??= {});
for (const key of keys) {
  const sourceKey = nbSourceKey(key, nb);
  const source = sourceKey === undefined ? undefined : nb.get(sourceKey);
  if (typeof source !== 'string' || !own.has(key)) {
    console.error(`${key}: no such text in nb and ${locale}.`);
    process.exit(2);
  }
  const status: TextStatus = {
    state: values.state as TextStatus['state'],
    method: method as CheckMethod,
    by,
    at: values.at,
    nb: nbFingerprint(source),
    ...(values.confidence ? { confidence: values.confidence as NonNullable<TextStatus['confidence']> } : {}),
    ...(values.note ? { note: values.note } : {}),
  };
  if (!isTextStatus(status)) {
    console.error(`${key}: not a valid status (a reviewed text needs --method native-review).`);
    process.exit(2);
  }
  entries[key] = status;
}
await writeFile(file, formatStatuses(statuses));
console.log(`${locale}/${namespace}: ${keys.length} statuses recorded in ${file}.`);
