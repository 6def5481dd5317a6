// The public entry points: lint a form (definition + texts in every locale), a text collection without
// steps (the widget's own texts), or any single text (a letter, a web page's text).
import type { FormDefinition } from '../../../../src/definition/types.ts';
import { resolveConfig, type PlainConfig, type PlainConfigInput } from './config.ts';
import { glossaryForms, withoutNorwegianWords } from './glossary.ts';
import { measure, type MeasuredItem } from './measures.ts';
import { lintTexts, type LintLang, type LintTexts } from './messages.ts';
import { languageOf, norwegianOf, type TextItem, type TextRole } from './rules/context.ts';
import { appliesToLocale, hasScope, isRuleId, RULES, ruleById, type RawFinding, type Rule } from './rules/index.ts';
import { LINT_NOTE, lintNotes } from '../../../../src/i18n/text-leaves.ts';
import type { CounterpartContext, MessageParam, RuleFinding, RuleScope } from './rules/rule.ts';
import { segment, type Segmented } from './segment.ts';
import {
  fieldKinds,
  isFormLevelKey,
  jsonPointer,
  keyInStep,
  keyOf,
  pluralOf,
  resolveVariants,
  roleOf,
  stepKeys,
  type TextEntry,
  type TextResource,
} from './texts.ts';
import type {
  Finding,
  FormScores,
  LintResult,
  Measures,
  NoteProblem,
  Position,
  Severity,
  StepInfo,
  StepScores,
  Variant,
  Waiver,
} from './types.ts';
import { VARIANTS } from './types.ts';

export interface LintFormInput {
  definition: FormDefinition;
  /** Each locale's resource for the form (the JSON of locales/<lng>/<form id>.json). */
  texts: Record<string, TextResource>;
  /** The file of each locale, for findings; default locales/<lng>/<form id>.json. */
  files?: Record<string, string>;
  /** The definition file, for the report. */
  source?: string;
  config?: PlainConfigInput | PlainConfig;
  /** The language of messages and reports: nb (default) or en. */
  lang?: LintLang;
}

export interface LintCollectionInput {
  /** The namespace (widget). */
  name: string;
  texts: Record<string, TextResource>;
  files?: Record<string, string>;
  config?: PlainConfigInput | PlainConfig;
  lang?: LintLang;
}

export interface LintTextOptions {
  locale: string;
  config?: PlainConfigInput | PlainConfig;
  lang?: LintLang;
  /** The file name, for findings and the report; default «text». */
  file?: string;
  /** What the text is: a letter or a web page is 'other' (default); 'help' also flags «jeg». */
  role?: TextRole;
  variant?: Variant;
}

interface Group {
  id: string;
  contains(key: string): boolean;
  title(locale: string, entries: ReadonlyMap<string, TextEntry>): string;
}

interface Spec {
  kind: LintResult['kind'];
  name: string;
  title: Record<string, string>;
  source?: string;
  texts: Record<string, TextResource>;
  files: Record<string, string>;
  config: PlainConfig;
  lang: LintLang;
  groups: Group[];
  /** Keys counted in the whole-form scores. */
  inForm(key: string): boolean;
  role(key: string): TextRole;
  /** Whether the step bars (LIX, Flesch) apply to the groups, and to all texts together. */
  groupBars: boolean;
  wholeBars: boolean;
  /** The key a group's score finding is reported under. */
  groupKey(id: string): string;
}

/** Lints a form: every text of every locale, scores per step, locale and variant, and the bars. */
export function lintForm(input: LintFormInput): LintResult {
  const { definition } = input;
  const kinds = fieldKinds(definition);
  const steps = stepKeys(definition);
  const files = {
    ...Object.fromEntries(Object.keys(input.texts).map((l) => [l, `locales/${l}/${definition.id}.json`])),
    ...input.files,
  };
  const title = Object.fromEntries(
    Object.entries(input.texts).map(([l, r]) => [l, resolveVariants(r).get('title')?.standard ?? definition.id]),
  );
  return run({
    kind: 'form',
    name: definition.id,
    title,
    ...(input.source === undefined ? {} : { source: input.source }),
    texts: input.texts,
    files,
    config: resolveConfig(input.config),
    lang: input.lang ?? 'nb',
    groups: steps.map((step) => ({
      id: step.id,
      contains: (key) => keyInStep(key, step),
      title: (_locale, entries) => entries.get(`steps.${step.id}.title`)?.standard ?? step.id,
    })),
    inForm: (key) => isFormLevelKey(key) || steps.some((s) => keyInStep(key, s)),
    role: (key) => roleOf(key, kinds),
    groupBars: true,
    wholeBars: false,
    groupKey: (id) => `steps.${id}`,
  });
}

/**
 * Lints a collection of texts without steps (locales/<lng>/widget.json). Each top-level section (errors,
 * review, receipt …) is scored like a step; the top-level texts form the section «_top». The step bars
 * apply to the whole collection (default), to each section, or not at all: config.collections.bars.
 */
export function lintCollection(collection: LintCollectionInput): LintResult {
  // A glossary entry's `nb` is the Norwegian word inside a Polish or Somali file: not a text of that locale.
  const input =
    collection.name === 'glossary' ? { ...collection, texts: withoutNorwegianWords(collection.texts) } : collection;
  const config = resolveConfig(input.config);
  const files = {
    ...Object.fromEntries(Object.keys(input.texts).map((l) => [l, `locales/${l}/${input.name}.json`])),
    ...input.files,
  };
  const sectionIds: string[] = [];
  for (const resource of Object.values(input.texts)) {
    for (const key of resolveVariants(resource).keys()) {
      const id = key.includes('.') ? key.split('.')[0]! : TOP_SECTION;
      if (!sectionIds.includes(id)) sectionIds.push(id);
    }
  }
  return run({
    kind: 'collection',
    name: input.name,
    title: Object.fromEntries(Object.keys(input.texts).map((l) => [l, input.name])),
    texts: input.texts,
    files,
    config,
    lang: input.lang ?? 'nb',
    groups: sectionIds.map((id) => ({
      id,
      contains: (key) => (id === TOP_SECTION ? !key.includes('.') : key.startsWith(`${id}.`)),
      title: () => id,
    })),
    inForm: () => true,
    role: () => 'other',
    groupBars: config.collections.bars === 'sections',
    wholeBars: config.collections.bars === 'collection',
    groupKey: (id) => id,
  });
}

export const TOP_SECTION = '_top';

/** Lints one text (a letter, a web page's text) with the same rules; the whole text is scored like a step. */
export function lintText(text: string, options: LintTextOptions): LintResult {
  const file = options.file ?? 'text';
  const variant = options.variant ?? 'standard';
  const resource: TextResource = { [variant === 'plain' ? 'text_plain' : 'text']: text };
  return run({
    kind: 'text',
    name: file,
    title: { [options.locale]: file },
    source: file,
    texts: { [options.locale]: resource },
    files: { [options.locale]: file },
    config: resolveConfig(options.config),
    lang: options.lang ?? 'nb',
    groups: [{ id: 'text', contains: () => true, title: () => file }],
    inForm: () => true,
    role: () => options.role ?? 'other',
    groupBars: true,
    wholeBars: false,
    groupKey: () => 'text',
  });
}

interface Unit {
  item: TextItem;
  segmented: Segmented;
}

function run(spec: Spec): LintResult {
  const { config } = spec;
  const messages = lintTexts(spec.lang);
  const source = config.sourceLocale;
  const locales = Object.keys(spec.texts).sort((a, b) => (a === source ? -1 : b === source ? 1 : a.localeCompare(b)));
  const entries = new Map(locales.map((l) => [l, resolveVariants(spec.texts[l]!)]));
  const sourceEntries = entries.get(source);
  const cache = new Map<string, Segmented>();
  const segmented = (text: string, locale: string): Segmented => {
    const id = `${locale}\u0000${text}`;
    let found = cache.get(id);
    if (!found) {
      found = segment(text, locale);
      cache.set(id, found);
    }
    return found;
  };

  // Every text in every locale and variant; the plain variant falls back to the standard text.
  const units: Unit[] = [];
  const keyOrder = new Map<string, number>();
  for (const locale of locales) {
    for (const entry of entries.get(locale)!.values()) {
      if (!keyOrder.has(entry.key)) keyOrder.set(entry.key, keyOrder.size);
      const step = spec.groups.find((g) => g.contains(entry.key))?.id;
      for (const variant of VARIANTS) {
        const text = variant === 'plain' ? (entry.plain ?? entry.standard) : entry.standard;
        if (text === undefined) continue;
        const pointer =
          variant === 'plain' ? (entry.pointers.plain ?? entry.pointers.standard) : entry.pointers.standard;
        const item: TextItem = {
          key: entry.key,
          locale,
          variant,
          text,
          ownPlain: variant === 'plain' && entry.plain !== undefined,
          role: spec.role(entry.key),
          file: spec.files[locale] ?? locale,
          ...(step === undefined ? {} : { step }),
          ...(pointer === undefined || spec.kind === 'text' ? {} : { pointer }),
        };
        units.push({ item, segmented: segmented(text, locale) });
      }
    }
  }

  // Per-text rules: standard texts, and plain texts that are their own (a fallback was linted as standard).
  const raw: Array<{ item: TextItem; finding: RawFinding }> = [];
  for (const { item, segmented: seg } of units) {
    if (item.variant === 'plain' && !item.ownPlain) continue;
    for (const finding of textRules(item, seg, entries.get(item.locale)!, sourceEntries, config))
      raw.push({ item, finding });
  }

  // Scores per group (step or section), and for the whole form. The project's terms count as glossary words.
  const terms = config.words.terms.map((t) => t.toLocaleLowerCase());
  const glossaryOf = (locale: string): ReadonlySet<string> =>
    terms.length === 0 ? glossaryForms(locale) : new Set([...glossaryForms(locale), ...terms]);
  const scores: StepScores = {};
  const form: FormScores = {};
  const measureOf = (selected: Unit[], locale: string): Measures =>
    measure(
      selected.map((u): MeasuredItem => ({ segmented: u.segmented, ownPlain: u.item.ownPlain })),
      languageOf(locale),
      config,
      glossaryOf(locale),
    );
  for (const locale of locales) {
    const ofLocale = units.filter((u) => u.item.locale === locale);
    for (const group of spec.groups) {
      const inGroup = ofLocale.filter((u) => u.item.step === group.id);
      (scores[group.id] ??= {})[locale] = {
        standard: measureOf(
          inGroup.filter((u) => u.item.variant === 'standard'),
          locale,
        ),
        plain: measureOf(
          inGroup.filter((u) => u.item.variant === 'plain'),
          locale,
        ),
      };
    }
    const inForm = ofLocale.filter((u) => spec.inForm(u.item.key));
    form[locale] = {
      standard: measureOf(
        inForm.filter((u) => u.item.variant === 'standard'),
        locale,
      ),
      plain: measureOf(
        inForm.filter((u) => u.item.variant === 'plain'),
        locale,
      ),
    };
  }

  const steps: StepInfo[] = spec.groups.map((group) => ({
    id: group.id,
    title: Object.fromEntries(locales.map((l) => [l, group.title(l, entries.get(l)!)])),
    hasPlain: Object.fromEntries(locales.map((l) => [l, (scores[group.id]?.[l]?.plain.ownPlainTexts ?? 0) > 0])),
  }));

  // The bars per step.
  const barFindings: Array<{ item: TextItem; finding: RawFinding }> = [];
  if (spec.groupBars) {
    for (const step of steps) {
      for (const locale of locales) {
        const measured = scores[step.id]?.[locale];
        if (!measured) continue;
        for (const finding of stepBars(measured, languageOf(locale), step.hasPlain[locale] ?? false, config)) {
          const variant: Variant = finding.variant ?? 'standard';
          const title = step.title[locale] ?? step.id;
          const where = messages.t('report.where', { context: spec.kind, title }) as string;
          barFindings.push({
            item: {
              key: spec.groupKey(step.id),
              locale,
              variant,
              text: '',
              ownPlain: false,
              role: 'title',
              file: spec.files[locale] ?? locale,
              step: step.id,
            },
            finding: { ...finding, params: { ...finding.params, where } },
          });
        }
      }
    }
  }

  if (spec.wholeBars) {
    for (const locale of locales) {
      const measured = form[locale];
      if (!measured) continue;
      const hasPlain = measured.plain.ownPlainTexts > 0;
      for (const finding of stepBars(measured, languageOf(locale), hasPlain, config)) {
        const variant: Variant = finding.variant ?? 'standard';
        const where = messages.t('report.where', {
          context: spec.kind,
          title: spec.title[locale] ?? spec.name,
        }) as string;
        barFindings.push({
          item: {
            key: spec.name,
            locale,
            variant,
            text: '',
            ownPlain: false,
            role: 'title',
            file: spec.files[locale] ?? locale,
          },
          finding: { ...finding, params: { ...finding.params, where } },
        });
      }
    }
  }

  const groupOrder = new Map(spec.groups.map((g, i) => [g.id, i]));
  const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  // A text linted alone is a file of its own: its findings get lines and columns.
  const alone = spec.kind === 'text' ? units[0]?.item.text : undefined;
  const where = alone === undefined ? undefined : positions(alone);
  const problems: NoteProblem[] = [];
  const notes = new Map<string, Note>();
  if (spec.kind !== 'text')
    for (const locale of locales)
      for (const note of readNotes(spec.texts[locale]!, spec.files[locale] ?? locale, messages, problems))
        notes.set(`${locale}\u0000${note.key}\u0000${note.variant}`, note);
  const waive = (item: TextItem, finding: Finding): Finding => {
    const waived =
      notes.get(`${item.locale}\u0000${item.key}\u0000${item.variant}`)?.waiverFor(finding.rule) ??
      listed(finding, config, messages);
    return waived === undefined ? finding : { ...finding, waived };
  };
  const findings = [...barFindings, ...raw]
    .map(({ item, finding }) => {
      const found = render(item, finding, config, messages, where);
      return found && waive(item, found);
    })
    .filter((f): f is Finding => f !== undefined)
    .sort(
      (a, b) =>
        (groupOrder.get(a.step ?? '') ?? Infinity) - (groupOrder.get(b.step ?? '') ?? Infinity) ||
        locales.indexOf(a.locale) - locales.indexOf(b.locale) ||
        (keyOrder.get(a.key) ?? -1) - (keyOrder.get(b.key) ?? -1) ||
        VARIANTS.indexOf(a.variant) - VARIANTS.indexOf(b.variant) ||
        severityOrder[a.severity] - severityOrder[b.severity],
    );

  return {
    kind: spec.kind,
    name: spec.name,
    title: spec.title,
    ...(spec.source === undefined ? {} : { source: spec.source }),
    locales,
    steps,
    findings,
    scores,
    form,
    ...(problems.length === 0 ? {} : { problems }),
  };
}

interface Note {
  key: string;
  variant: Variant;
  waiverFor(rule: string): Waiver | undefined;
}

/**
 * The author's notes beside texts (`label_lint`: { "rules": ["stiff-word"], "reason": "…" }): the rules whose
 * findings on that one text are waived, and why. A note without a reason or rules waives nothing and is a problem.
 */
function readNotes(resource: TextResource, file: string, messages: LintTexts, problems: NoteProblem[]): Note[] {
  const out: Note[] = [];
  for (const [path, note] of lintNotes(resource)) {
    const pointer = jsonPointer([...path.slice(0, -1), `${path[path.length - 1]!}${LINT_NOTE}`]);
    const { rules, reason } = note as { rules?: unknown; reason?: unknown };
    const problem = (context: string, rule = '') =>
      problems.push({ file, pointer, problem: messages.t('note.problem', { context, rule }) as string });
    if (typeof reason !== 'string' || reason.trim() === '') {
      problem('reason');
      continue;
    }
    if (!Array.isArray(rules) || rules.length === 0 || !rules.every((r) => typeof r === 'string')) {
      problem('rules');
      continue;
    }
    const unknown = rules.find((r) => !isRuleId(r));
    if (unknown !== undefined) {
      problem('unknownRule', unknown);
      continue;
    }
    const { key, plain } = keyOf(path);
    const waiver: Waiver = { by: 'text', reason: reason.trim(), where: `${file} ${pointer}` };
    out.push({
      key,
      variant: plain ? 'plain' : 'standard',
      waiverFor: (rule) => (rules.includes(rule) ? waiver : undefined),
    });
  }
  return out;
}

/** A finding about words on one of the project's word lists (config.words) is waived. */
function listed(finding: Finding, config: PlainConfig, messages: LintTexts): Waiver | undefined {
  if (finding.words.length === 0) return undefined;
  const { abbreviations, terms, stiffWordExceptions } = wordSets(config);
  const phrase = finding.words.join(' ').toLocaleLowerCase();
  const all = (list: ReadonlySet<string>) =>
    list.has(phrase) || finding.words.every((w) => list.has(w.toLocaleLowerCase()));
  const waiver = (list: keyof PlainConfig['words']): Waiver => ({
    by: 'config',
    reason: messages.t('note.listed', { context: list }) as string,
    where: `plain-language.config.json words.${list}`,
  });
  if (finding.rule === 'abbreviation' && all(abbreviations)) return waiver('abbreviations');
  if (finding.rule === 'stiff-word' && all(stiffWordExceptions)) return waiver('stiffWordExceptions');
  if (all(terms)) return waiver('terms');
  return undefined;
}

const WORD_SETS = new WeakMap<PlainConfig, Record<keyof PlainConfig['words'], ReadonlySet<string>>>();

/** The project's word lists in lower case, once per config. */
function wordSets(config: PlainConfig): Record<keyof PlainConfig['words'], ReadonlySet<string>> {
  let found = WORD_SETS.get(config);
  if (!found) {
    const lower = (list: readonly string[]) => new Set(list.map((w) => w.toLocaleLowerCase()));
    found = {
      abbreviations: lower(config.words.abbreviations),
      terms: lower(config.words.terms),
      stiffWordExceptions: lower(config.words.stiffWordExceptions),
    };
    WORD_SETS.set(config, found);
  }
  return found;
}

/** The rules of one scope, in the registry's order. */
const ofScope = (scope: RuleScope): readonly Rule[] => RULES.filter((rule) => hasScope(rule, scope));
const TEXT_LEVEL = RULES.filter((rule) => hasScope(rule, 'text') || hasScope(rule, 'sentence'));
const COUNTERPART_RULES = ofScope('counterparts');
const STEP_RULES = ofScope('step');

/** A rule's findings with its id, and its default severity where a finding names none. */
const withRule = (rule: Rule, findings: readonly RuleFinding[]): RawFinding[] =>
  findings.map((finding) => ({ ...finding, rule: rule.id, severity: finding.severity ?? rule.meta.severity }));

/** LIX per step (nb, nn): standard ≤ 40; where the step has own plain texts, plain ≤ 33 and below standard. Flesch (en): plain ≥ 60. */
export function stepBars(
  measured: Record<Variant, Measures>,
  language: string,
  hasPlain: boolean,
  config: PlainConfig,
): RawFinding[] {
  return STEP_RULES.filter((rule) => appliesToLocale(rule, language, config)).flatMap((rule) =>
    withRule(rule, rule.check({ scope: 'step', config, language, measures: measured, hasPlain })),
  );
}

/** The source text a translation is compared with: the same key, or for a plural form missing in the source, its _other form. */
function sourceEntryFor(key: string, sourceEntries: ReadonlyMap<string, TextEntry> | undefined): TextEntry | undefined {
  const exact = sourceEntries?.get(key);
  if (exact) return exact;
  const plural = pluralOf(key);
  return plural === undefined ? undefined : sourceEntries?.get(`${key.slice(0, -plural.length - 1)}_other`);
}

const siblingCache = new WeakMap<ReadonlyMap<string, TextEntry>, Record<Variant, readonly string[]>>();

/** The texts of one locale in key order, per variant (a plain text falls back to its standard text). */
function siblingsOf(entries: ReadonlyMap<string, TextEntry>, variant: Variant): readonly string[] {
  let found = siblingCache.get(entries);
  if (!found) {
    const all = [...entries.values()];
    found = {
      standard: all.flatMap((e) => (e.standard === undefined ? [] : [e.standard])),
      plain: all.flatMap((e) => {
        const text = e.plain ?? e.standard;
        return text === undefined ? [] : [text];
      }),
    };
    siblingCache.set(entries, found);
  }
  return found[variant];
}

/**
 * The text and sentence rules of one text item in the registry's order (sentence rules next to each other
 * report sentence by sentence), then the rules that compare it with its counterparts.
 */
function textRules(
  item: TextItem,
  segmented: Segmented,
  ownEntries: ReadonlyMap<string, TextEntry>,
  sourceEntries: ReadonlyMap<string, TextEntry> | undefined,
  config: PlainConfig,
): RawFinding[] {
  const applies = (rule: Rule): boolean =>
    appliesToLocale(rule, item.locale, config) &&
    rule.meta.appliesTo.variants.includes(item.variant) &&
    (rule.meta.appliesTo.roles?.includes(item.role) ?? true);
  const base = {
    config,
    language: languageOf(item.locale),
    item,
    segmented,
    norwegian: norwegianOf(item.locale, config),
    siblings: siblingsOf(ownEntries, item.variant),
  };
  const out: RawFinding[] = [];
  const text = item.text;
  const cursors = new Map<string, number>();
  // A finding about the whole text covers its words: from the first to the end of the last.
  const whole: [number, number] = [0, text.length];
  const words = {
    start: segmented.words[0]?.start ?? 0,
    end: segmented.words[segmented.words.length - 1]?.end ?? text.length,
  };
  for (let i = 0; i < TEXT_LEVEL.length;) {
    const rule = TEXT_LEVEL[i]!;
    if (!hasScope(rule, 'sentence')) {
      if (applies(rule))
        out.push(...withSpans(withRule(rule, rule.check({ scope: 'text', ...base })), text, whole, words, cursors));
      i++;
      continue;
    }
    let end = i;
    while (end < TEXT_LEVEL.length && hasScope(TEXT_LEVEL[end]!, 'sentence')) end++;
    const run = TEXT_LEVEL.slice(i, end).filter(applies);
    for (const sentence of run.length === 0 ? [] : segmented.sentences) {
      const start = text.indexOf(sentence.text, sentence.start);
      const span = { start, end: start + sentence.text.length };
      for (const r of run) {
        const found = withRule(r, r.check({ scope: 'sentence', ...base, sentence }));
        out.push(...withSpans(found, text, [span.start, span.end], span, cursors));
      }
    }
    i = end;
  }
  const counterparts: CounterpartContext = { scope: 'counterparts', ...base };
  if (item.ownPlain) {
    const standard = ownEntries.get(item.key)?.standard;
    if (standard !== undefined) counterparts.standard = standard;
  }
  if (item.locale !== config.sourceLocale) {
    const sourceEntry = sourceEntryFor(item.key, sourceEntries);
    const text = item.variant === 'plain' ? (sourceEntry?.plain ?? sourceEntry?.standard) : sourceEntry?.standard;
    if (text !== undefined) counterparts.source = { locale: config.sourceLocale, text };
  }
  for (const rule of COUNTERPART_RULES)
    if (applies(rule)) out.push(...withSpans(withRule(rule, rule.check(counterparts)), text, whole, words, cursors));
  return out;
}

/** A message value as the report's language writes it. */
function formatParam(value: MessageParam, messages: LintTexts): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return messages.number(value);
  if ('list' in value) return messages.list(value.list);
  if ('alternatives' in value) return messages.alternatives(value.alternatives);
  return messages.languageName(value.language);
}

/** Line and column of offsets in a text (lines end at \n; a \r before it belongs to the line). */
function positions(text: string): (span: { start: number; end: number } | undefined) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const at = (offset: number): [number, number] => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return [low + 1, offset - starts[low]! + 1];
  };
  return (span) => {
    const [line, column] = at(span?.start ?? 0);
    const [endLine, endColumn] = at(span?.end ?? text.length);
    return { line, column, endLine, endColumn };
  };
}

/**
 * Where a finding's words are in [from, to) of a text, when its rule did not say: the words in order, each
 * standing alone (not inside a longer word), from `cursor` on (a rule reports in text order), else from `from`.
 */
export function locate(
  text: string,
  words: readonly string[],
  from: number,
  to: number,
  cursor = from,
): { start: number; end: number } | undefined {
  if (words.length === 0 || words.some((w) => w === '')) return undefined;
  const edge = (offset: number) => offset <= from || offset >= to || !/[\p{L}\p{N}]/u.test(text[offset]!);
  const find = (word: string, at: number): number => {
    for (let i = text.indexOf(word, at); i !== -1 && i + word.length <= to; i = text.indexOf(word, i + 1))
      if (edge(i - 1) && edge(i + word.length)) return i;
    return -1;
  };
  for (const begin of cursor > from ? [cursor, from] : [from]) {
    const start = find(words[0]!, begin);
    if (start === -1) continue;
    let end = start + words[0]!.length;
    let ok = true;
    for (const word of words.slice(1)) {
      const next = find(word, end);
      if (next === -1) {
        ok = false;
        break;
      }
      end = next + word.length;
    }
    if (ok) return { start, end };
  }
  return undefined;
}

/** The span of a rule's findings where the rule gave none: its words in [from, to), else `fallback`. */
function withSpans(
  findings: RawFinding[],
  text: string,
  [from, to]: readonly [number, number],
  fallback: { start: number; end: number },
  cursors: Map<string, number>,
): RawFinding[] {
  for (const finding of findings) {
    if (finding.span !== undefined) continue;
    const found = locate(text, finding.words, from, to, Math.max(from, cursors.get(finding.rule) ?? from));
    finding.span = found ?? fallback;
    if (found) cursors.set(finding.rule, found.start + 1);
  }
  return findings;
}

function render(
  item: TextItem,
  finding: RawFinding,
  config: PlainConfig,
  messages: LintTexts,
  where: ((span: { start: number; end: number } | undefined) => Position) | undefined,
): Finding | undefined {
  const override = config.rules[finding.rule];
  if (override === 'off') return undefined;
  const severity = override ?? finding.severity;
  const { t } = messages;
  const keys = ruleById(finding.rule).meta.messages;
  const params: Record<string, MessageParam> = { ...finding.params, words: finding.words.join(' ') };
  const options = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, formatParam(value, messages)]),
  );
  return {
    file: item.file,
    key: item.key,
    locale: item.locale,
    variant: item.variant,
    rule: finding.rule,
    severity,
    words: finding.words,
    message: t(keys[finding.message]!, options) as string,
    suggestion: t(keys[finding.suggestion]!, options) as string,
    ...(item.step === undefined ? {} : { step: item.step }),
    ...(finding.value === undefined ? {} : { value: finding.value }),
    ...(finding.limit === undefined ? {} : { limit: finding.limit }),
    ...(where === undefined ? {} : { position: where(item.text === '' ? undefined : finding.span) }),
    ...(item.pointer === undefined ? {} : { pointer: item.pointer }),
  };
}
