// Command-line arguments. A small parser of our own, so every mistake becomes a UsageError with a
// text key (node:util parseArgs would give English messages).
import { CLI_LANGS, type CliLang } from './texts.ts';

export type Command =
  'check' | 'build' | 'lint' | 'render' | 'first-step' | 'new' | 'preview' | 'translate' | 'help' | 'version';
export type Format = 'text' | 'json' | 'html' | 'pdf' | 'sarif';
import type { TextVariant } from '../../../../src/definition/vocabulary.ts';
import { LOCALE_CODE } from '../../../../src/definition/vocabulary.ts';
/** The variant `lint` checks. */
export type LintVariant = TextVariant;

export interface CliArgs {
  command: Command;
  paths: string[];
  format: Format;
  lang: CliLang;
  locales?: string;
  out?: string;
  /** lint: only these locales (--locale nb,nn). */
  locale?: string[];
  /** lint: only findings of this variant. */
  variant?: LintVariant;
  /** lint: text files (a name, a glob, or - for standard input) to lint with the same rules (--text FILE --locale nb). */
  text?: string;
  /** lint: also the widget's own texts (widget.json) and the glossary (glossary.json) beside the forms' texts. */
  widget?: boolean;
  glossary?: boolean;
  /** lint: the thresholds file (default plain-language.config.json in the working directory). */
  config?: string;
  /** render: the built form package folder the submission belongs to. first-step: the package's address on the page. */
  form?: string;
  /** preview: the port to listen on (0: any free port). */
  port?: number;
  /** translate export|import: a locale's texts to a translator as XLIFF 2.0, and back (decision 0032). */
  translate?: TranslateArgs;
}

export interface TranslateArgs {
  action: 'export' | 'import';
  /** export: the language to translate into; import: the language the file must be in (optional). */
  locale?: string;
  /** export: one namespace (a form's id, or widget); without it, every form that lists the locale and the widget. */
  only?: string;
  /** import: the XLIFF file. */
  file?: string;
  /** import: who translated or reviewed, and the day (YYYY-MM-DD; today when not given). */
  by?: string;
  at?: string;
  /** The folder of the form definitions. */
  forms?: string;
}

/** A mistake on the command line: a text key under errors.* and its values. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

const VALUE_OPTIONS = [
  '--format',
  '--locales',
  '--lang',
  '--out',
  '--locale',
  '--variant',
  '--text',
  '--config',
  '--form',
  '--port',
  '--forms',
  '--by',
  '--at',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
/** Options without a value. */
const FLAGS = ['--widget', '--glossary', '--all'] as const;
type Flag = (typeof FLAGS)[number];
type CommandOption = ValueOption | Flag;
const OPTIONS_FOR: Record<Exclude<Command, 'help' | 'version'>, readonly CommandOption[]> = {
  check: ['--format', '--locales', '--lang'],
  build: ['--out', '--locales', '--lang'],
  lint: [
    '--format',
    '--locales',
    '--lang',
    '--out',
    '--locale',
    '--variant',
    '--text',
    '--config',
    '--widget',
    '--glossary',
  ],
  render: ['--form', '--format', '--out', '--lang'],
  'first-step': ['--form', '--locale', '--variant', '--out', '--lang'],
  new: ['--locales', '--lang'],
  preview: ['--locales', '--port', '--lang'],
  translate: ['--locale', '--form', '--all', '--out', '--forms', '--locales', '--by', '--at', '--lang'],
};
const LOCALE = LOCALE_CODE;

/** The --lang value if one is given and valid (so that even usage errors speak it). */
export function langOf(argv: readonly string[]): CliLang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined && (CLI_LANGS as readonly string[]).includes(value)) return value as CliLang;
  }
  return 'nb';
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const positionals: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const flags = new Set<Flag>();
  let help = false;
  let version = false;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--version') {
      version = true;
      continue;
    }
    if ((FLAGS as readonly string[]).includes(arg)) {
      flags.add(arg as Flag);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError('unknownOption', { option: name });
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError('missingValue', { option: name });
    values[name as ValueOption] = value;
  }

  const [first, ...paths] = positionals;
  if (help || first === 'help') return { command: 'help', paths: [], format: 'text', lang: langOf(argv) };
  if (version) return { command: 'version', paths: [], format: 'text', lang: langOf(argv) };
  if (first === undefined) throw new UsageError('noCommand');
  const loop = first === 'new' || first === 'preview';
  if (
    first !== 'check' &&
    first !== 'build' &&
    first !== 'lint' &&
    first !== 'render' &&
    first !== 'first-step' &&
    first !== 'translate' &&
    !loop
  )
    throw new UsageError('unknownCommand', { command: first });
  for (const option of [...Object.keys(values), ...flags]) {
    if (!OPTIONS_FOR[first].includes(option as CommandOption))
      throw new UsageError('optionNotFor', { option, command: first });
  }
  if (first === 'render') return renderArgs(paths, values);
  if (first === 'first-step') return firstStepArgs(paths, values);
  if (first === 'translate') return translateArgs(paths, values, flags.has('--all'));
  if (first === 'new' || first === 'preview') return loopArgs(first, paths, values);
  const format = values['--format'] ?? 'text';
  if (format !== 'text' && format !== 'json' && !(first === 'lint' && (format === 'html' || format === 'sarif')))
    throw new UsageError(first === 'lint' ? 'badLintFormat' : 'badFormat', { value: format });
  const lang = values['--lang'] ?? 'nb';
  if (!(CLI_LANGS as readonly string[]).includes(lang)) throw new UsageError('badLang', { value: lang });
  const lint = first === 'lint' ? lintOptions(values) : {};
  if (paths.length === 0 && lint.text === undefined) throw new UsageError(first === 'lint' ? 'noLintFiles' : 'noFiles');
  if (first === 'build' && values['--out'] === undefined) throw new UsageError('noOut');
  return {
    command: first,
    paths,
    format,
    lang: lang as CliLang,
    ...(values['--locales'] !== undefined ? { locales: values['--locales'] } : {}),
    ...(values['--out'] !== undefined ? { out: values['--out'] } : {}),
    ...lint,
    ...(flags.has('--widget') ? { widget: true } : {}),
    ...(flags.has('--glossary') ? { glossary: true } : {}),
  };
}

/** The options only lint has: --locale, --variant, --text (which needs exactly one --locale), --config. */
function lintOptions(
  values: Partial<Record<ValueOption, string>>,
): Pick<CliArgs, 'locale' | 'variant' | 'text' | 'config'> {
  const locale = values['--locale']
    ?.split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const value of locale ?? []) if (!LOCALE.test(value)) throw new UsageError('badLocale', { value });
  const variant = values['--variant'];
  if (variant !== undefined && variant !== 'standard' && variant !== 'plain')
    throw new UsageError('badVariant', { value: variant });
  const text = values['--text'];
  if (text !== undefined && locale?.length !== 1) throw new UsageError('textNeedsLocale');
  return {
    ...(locale !== undefined ? { locale } : {}),
    ...(variant !== undefined ? { variant } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(values['--config'] !== undefined ? { config: values['--config'] } : {}),
  };
}

/** render SUBMISSION.json --form PACKAGE [--format html|json|pdf] [--out FILE]. */
function renderArgs(paths: string[], values: Partial<Record<ValueOption, string>>): CliArgs {
  const lang = values['--lang'] ?? 'nb';
  if (!(CLI_LANGS as readonly string[]).includes(lang)) throw new UsageError('badLang', { value: lang });
  if (paths.length !== 1) throw new UsageError('renderOneSubmission');
  if (values['--form'] === undefined) throw new UsageError('noForm');
  const format = values['--format'] ?? 'html';
  if (format !== 'html' && format !== 'json' && format !== 'pdf')
    throw new UsageError('badRenderFormat', { value: format });
  if (format === 'pdf' && values['--out'] === undefined) throw new UsageError('pdfNeedsOut');
  return {
    command: 'render',
    paths,
    format,
    lang: lang as CliLang,
    form: values['--form'],
    ...(values['--out'] !== undefined ? { out: values['--out'] } : {}),
  };
}

/** first-step PACKAGE [--locale LANG] [--variant standard|plain] [--form URL] [--out FILE]. */
function firstStepArgs(paths: string[], values: Partial<Record<ValueOption, string>>): CliArgs {
  const lang = values['--lang'] ?? 'nb';
  if (!(CLI_LANGS as readonly string[]).includes(lang)) throw new UsageError('badLang', { value: lang });
  if (paths.length !== 1) throw new UsageError('firstStepOnePackage');
  const locale = values['--locale'];
  if (locale !== undefined && !LOCALE.test(locale)) throw new UsageError('badLocale', { value: locale });
  const variant = values['--variant'];
  if (variant !== undefined && variant !== 'standard' && variant !== 'plain')
    throw new UsageError('badVariant', { value: variant });
  return {
    command: 'first-step',
    paths,
    format: 'text',
    lang: lang as CliLang,
    ...(values['--form'] !== undefined ? { form: values['--form'] } : {}),
    ...(locale !== undefined ? { locale: [locale] } : {}),
    ...(variant !== undefined ? { variant } : {}),
    ...(values['--out'] !== undefined ? { out: values['--out'] } : {}),
  };
}

/** new ID [FORMS_FOLDER] [--locales DIR]; preview FORM [--port N] [--locales DIR]. */
function loopArgs(command: 'new' | 'preview', paths: string[], values: Partial<Record<ValueOption, string>>): CliArgs {
  const lang = values['--lang'] ?? 'nb';
  if (!(CLI_LANGS as readonly string[]).includes(lang)) throw new UsageError('badLang', { value: lang });
  if (command === 'new' && (paths.length < 1 || paths.length > 2)) throw new UsageError('newOneId');
  if (command === 'preview' && paths.length !== 1) throw new UsageError('previewOneForm');
  const port = values['--port'];
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535))
    throw new UsageError('badPort', { value: port });
  return {
    command,
    paths,
    format: 'text',
    lang: lang as CliLang,
    ...(values['--locales'] !== undefined ? { locales: values['--locales'] } : {}),
    ...(port !== undefined ? { port: Number(port) } : {}),
  };
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** translate export --locale LNG [--form NAME | --all] [--out FILE]; translate import FILE --by NAME [--at DAY]. */
function translateArgs(paths: string[], values: Partial<Record<ValueOption, string>>, all: boolean): CliArgs {
  const lang = values['--lang'] ?? 'nb';
  if (!(CLI_LANGS as readonly string[]).includes(lang)) throw new UsageError('badLang', { value: lang });
  const [action, ...files] = paths;
  if (action !== 'export' && action !== 'import') throw new UsageError('translateAction', { value: action ?? '' });
  const locale = values['--locale'];
  if (locale !== undefined && (!LOCALE.test(locale) || locale === 'nb'))
    throw new UsageError('translateLocale', { value: locale });
  const only = values['--form'];
  const forms = values['--forms'];
  const common = {
    command: 'translate' as const,
    paths: [],
    format: 'text' as const,
    lang: lang as CliLang,
    ...(values['--locales'] !== undefined ? { locales: values['--locales'] } : {}),
  };
  if (action === 'export') {
    for (const option of ['--by', '--at'] as const)
      if (values[option] !== undefined) throw new UsageError('translateOptionFor', { option, action });
    if (files.length > 0) throw new UsageError('exportNoFile', { value: files[0]! });
    if (locale === undefined) throw new UsageError('exportNeedsLocale');
    if (only !== undefined && all) throw new UsageError('formOrAll');
    return {
      ...common,
      ...(values['--out'] !== undefined ? { out: values['--out'] } : {}),
      translate: { action, locale, ...(only !== undefined ? { only } : {}), ...(forms !== undefined ? { forms } : {}) },
    };
  }
  for (const option of ['--form', '--out'] as const)
    if (values[option] !== undefined) throw new UsageError('translateOptionFor', { option, action });
  if (all) throw new UsageError('translateOptionFor', { option: '--all', action });
  if (files.length !== 1) throw new UsageError('importOneFile');
  const by = values['--by']?.trim();
  if (!by) throw new UsageError('importNeedsBy');
  const at = values['--at'];
  if (at !== undefined && !DAY.test(at)) throw new UsageError('badDay', { value: at });
  return {
    ...common,
    translate: {
      action,
      file: files[0]!,
      by,
      ...(at !== undefined ? { at } : {}),
      ...(locale !== undefined ? { locale } : {}),
      ...(forms !== undefined ? { forms } : {}),
    },
  };
}
