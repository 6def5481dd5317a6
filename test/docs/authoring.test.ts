// docs/authoring.md cannot drift from what it describes:
// - its reference part is what scripts/authoring-reference.ts writes from the meta-schema, check and the formats;
// - the text keys it lists (src/definition/text-keys.ts) are those `klarskjema check` asks for, and the widget's
//   code reads no field text it does not list;
// - its walkthrough works: the form is built from the guide's own code blocks in a temporary project, the
//   guide's own `klarskjema` commands are run there, and the form is walked to the review page.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFormFile } from '../../packages/tools/src/check/file.ts';
import {
  authoringReference,
  FORMAT_ACCEPTS,
  GUIDE,
  SHOWN_AS,
  withReference,
} from '../../scripts/authoring-reference.ts';
import { FIELD_TEXT_KEYS, FORM_TEXT_KEYS } from '../../src/definition/text-keys.ts';
import { FIELD_KINDS, type FieldDefinition, type FieldKind } from '../../src/definition/types.ts';
import { loadFormPackage } from '../../src/node/load-package.ts';
import { packageRoot } from '../../src/node/paths.ts';
import { formats } from '../../src/validation/formats.ts';
import { journey } from '../helpers/journey.ts';

const guide = readFileSync(GUIDE, 'utf8');

describe('docs/authoring.md: the reference', () => {
  it('is what scripts/authoring-reference.ts writes (run it after changing a kind, an option, a text key or a format)', () => {
    expect(withReference(guide, authoringReference())).toBe(guide);
  });

  it('describes every field kind and every format', () => {
    expect(Object.keys(SHOWN_AS).sort()).toEqual([...FIELD_KINDS].sort());
    expect(Object.keys(FORMAT_ACCEPTS).sort()).toEqual(Object.keys(formats).sort());
    for (const kind of FIELD_KINDS) expect(guide).toContain(`| \`${kind}\` |`);
    for (const format of Object.keys(formats)) expect(guide).toContain(`| \`${format}\` |`);
  });
});

describe('docs/authoring.md: the text keys', () => {
  it('are the ones check asks for, kind by kind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-keys-'));
    const schemaOf: Partial<Record<FieldKind, object>> = {
      text: { type: 'string' },
      textarea: { type: 'string' },
      integer: { type: 'integer' },
      amount: { type: 'number' },
      date: { type: 'string', format: 'date' },
      radio: { type: 'string', enum: ['a'] },
      select: { type: 'string', enum: ['a'] },
      checkboxes: { type: 'array', items: { enum: ['a'] } },
      yesno: { type: 'boolean' },
      phone: { type: 'string', format: 'phone' },
      email: { type: 'string', format: 'email' },
      'account-number': { type: 'string', format: 'account-number' },
      'national-id': { type: 'string', format: 'national-id' },
      'organisation-number': { type: 'string', format: 'organisation-number' },
      address: { $ref: 'https://klarskjema.dev/schemas/answers/address.schema.json' },
      consent: { const: true },
      group: { type: 'array', items: { type: 'object', properties: { 'i-text': { type: 'string' } } } },
      attachments: {
        type: 'object',
        additionalProperties: { $ref: 'https://klarskjema.dev/schemas/answers/attachment.schema.json' },
      },
    };
    const fields: FieldDefinition[] = FIELD_KINDS.map((kind) => ({
      id: `f-${kind}`,
      kind,
      ...(kind === 'group' ? { fields: [{ id: 'i-text', kind: 'text' as const }] } : {}),
    }));
    fields[0] = { ...fields[0]!, prefill: 'register' };
    const definition = {
      id: 'keys',
      version: '1.0.0',
      locales: ['nb'],
      answers: {
        type: 'object',
        properties: Object.fromEntries(
          FIELD_KINDS.filter((kind) => kind !== 'guidance').map((kind) => [`f-${kind}`, schemaOf[kind]]),
        ),
      },
      steps: [{ id: 's', fields }],
      attachments: [{ id: 'd' }],
    };
    await mkdir(join(dir, 'locales/nb'), { recursive: true });
    await writeFile(join(dir, 'keys.json'), JSON.stringify(definition));
    await writeFile(join(dir, 'locales/nb/keys.json'), '{}');
    const report = await checkFormFile(join(dir, 'keys.json'), { cwd: dir });
    expect(report.findings.filter((f) => f.code !== 'text-missing')).toEqual([]);
    const asked = report.findings.map((f) => String(f.params.key)).sort();

    const concrete = (key: string) => key.replace('<value>', 'a').replace('<step>', 's').replace('<document>', 'd');
    const expected = [
      ...FORM_TEXT_KEYS.filter((k) => k.required).map((k) => concrete(k.key).replace('<register>', 'register')),
      ...FIELD_KINDS.flatMap((kind) =>
        FIELD_TEXT_KEYS.filter((k) => k.required && k.kinds?.includes(kind)).map(
          (k) => `fields.f-${kind}.${concrete(k.key)}`,
        ),
      ),
      'fields.i-text.label',
    ].sort();
    expect(asked).toEqual(expected);
  });

  it("list every field text the widget's code reads", () => {
    const files = codeFiles();
    expect(files).toContain('components/fields/field-frame.ts');
    const read = new Set<string>();
    for (const file of files) {
      const text = readFileSync(resolve(packageRoot, file), 'utf8');
      for (const match of text.matchAll(/fieldKeys\([^,()]+,\s*[^,()]+,\s*[`'"]([a-zA-Z]+)/g)) read.add(match[1]!);
      for (const match of text.matchAll(/:fields\.\$\{[^}]+\}\.([a-zA-Z]+)/g)) read.add(match[1]!);
    }
    expect([...read].sort()).toEqual(
      expect.arrayContaining(['errors', 'hint', 'ifEmpty', 'item', 'label', 'options', 'why']),
    );
    const listed = new Set(FIELD_TEXT_KEYS.map((k) => k.key.split('.')[0]!));
    expect([...read].filter((key) => !listed.has(key))).toEqual([]);
  });
});

/** The widget's and the engine's code (what reads a form's texts), not the tests. */
function codeFiles(): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(resolve(packageRoot, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
    }
  };
  walk('components');
  walk('src');
  return out;
}

// ---- The walkthrough ----

interface Block {
  language: string;
  file?: string;
  text: string;
}

/** The fenced code blocks of the walkthrough section, in order. */
function walkthroughBlocks(): Block[] {
  const start = guide.indexOf('\n## A form from nothing');
  const end = guide.indexOf('\n## ', start + 1);
  const section = guide.slice(start, end);
  return [...section.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    language: m[1]!,
    ...(/file=(\S+)/.exec(m[2]!) ? { file: /file=(\S+)/.exec(m[2]!)![1]! } : {}),
    text: m[3]!,
  }));
}

const bin = resolve(packageRoot, 'packages/tools/bin/klarskjema.js');
function klarskjema(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr }),
    );
  });
}

describe('docs/authoring.md: the walkthrough', () => {
  it("builds from the guide's own code blocks: its check, lint and build commands pass, and the form runs to review", async () => {
    const blocks = walkthroughBlocks();
    expect(blocks.filter((b) => b.file).map((b) => b.file)).toEqual([
      'schemas/forms/fritid.json',
      'locales/nb/fritid.json',
      'schemas/forms/fritid.json',
      'locales/nb/fritid.json',
      'locales/nn/fritid.json',
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'klarskjema-guide-'));
    // The project's own bars, as `npm test`'s plain-language gate uses them.
    await copyFile(resolve(packageRoot, 'plain-language.config.json'), join(dir, 'plain-language.config.json'));
    const ran: string[] = [];
    for (const block of blocks) {
      if (block.file) {
        JSON.parse(block.text); // each block is whole JSON, as an author copies it
        await mkdir(dirname(join(dir, block.file)), { recursive: true });
        await writeFile(join(dir, block.file), block.text);
        continue;
      }
      if (block.language !== 'sh') continue;
      for (const line of block.text.split('\n')) {
        const command = /^npx klarskjema (check|lint|build) (.*)$/.exec(line.trim());
        if (!command) continue;
        const result = await klarskjema([command[1]!, ...command[2]!.split(/\s+/)], dir);
        expect(result.output).not.toMatch(/^\s+at /m);
        expect(result.code, `${line}\n${result.output}`).toBe(0);
        ran.push(command[1]!);
      }
    }
    expect(ran).toEqual(['check', 'check', 'lint', 'build']);
    const result = journey(await loadFormPackage(join(dir, 'build/forms/fritid')));
    expect(result).toEqual({ steps: ['om-deg', 'barna', 'vedlegg', 'bekreft'], state: 'review', errors: [] });
  });
});
