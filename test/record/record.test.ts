// The caseworker's record (issue 18, item 1) of each example form, filled in by a user in Arabic, in Polish
// and in plain Norwegian: every relevant question in NAV's nb wording, the text the user saw, every flag at
// the top, free text exactly as written with its language, and the timeline. Each part is checked by
// querying the HTML, not against a snapshot.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../src/definition/types.ts';
import { isRecord } from '../../src/engine/answers.ts';
import { computeRelevance, itemRelevance } from '../../src/engine/relevance.ts';
import { localesDir, packageRoot } from '../../src/node/paths.ts';
import { renderRecordHtml } from '../../src/record/html.ts';
import { buildRecord, RECORD_FORMAT, type CaseRecord } from '../../src/record/model.ts';
import { validateSubmission } from '../../packages/receiver/src/validate-submission.ts';
import { exampleFormIds } from '../helpers/form-packages.ts';
import {
  attr,
  byAttr,
  byClass,
  byTag,
  childElements,
  findAll,
  findOne,
  parseHtml,
  textOf,
  type HtmlNode,
} from './html-query.ts';
import { makeSubmission, REGISTER_VALUES, SCENARIOS, type MadeSubmission } from './submissions.ts';

const sourceTexts = (locale: string, formId: string): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(localesDir, locale, `${formId}.json`), 'utf8')) as Record<string, unknown>;

function lookup(tree: unknown, key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), tree);
  return typeof value === 'string' ? value : undefined;
}
/** A text as the user saw it: the plain one when the user had plain texts and the form has one. */
const seenText = (tree: unknown, key: string, variant: string): string | undefined =>
  (variant === 'plain' ? lookup(tree, `${key}_plain`) : undefined) ?? lookup(tree, key);

const entryOf = (root: HtmlNode, path: string): HtmlNode => {
  const entry = findOne(root, (e) => byClass('entry')(e) && attr(e, 'data-path') === path);
  if (!entry) throw new Error(`No entry for ${path}`);
  return entry;
};

describe.each(exampleFormIds)('the record of %s', (formId) => {
  // Each scenario in a language the form has texts in (a small form may have only nb, nn and en).
  const { locales } = JSON.parse(readFileSync(resolve(packageRoot, 'schemas/forms', `${formId}.json`), 'utf8')) as {
    locales: string[];
  };
  describe.each(SCENARIOS.filter((s) => locales.includes(s.locale)))('filled in $locale ($variant)', (scenario) => {
    let made: MadeSubmission;
    let record: CaseRecord;
    let html: string;
    let root: HtmlNode;
    beforeAll(async () => {
      made = await makeSubmission(formId, scenario);
      record = buildRecord(made.sources, made.submission);
      html = renderRecordHtml(record);
      root = parseHtml(html);
    });

    it('comes from a submission the receiver takes', () => {
      const result = validateSubmission(made.sources, JSON.stringify(made.submission), {
        now: () => new Date(made.submission.submittedAt),
      });
      expect(result).toMatchObject({ ok: true });
      expect(made.submission.locale).toBe(scenario.locale);
      expect(made.submission.variant).toBe(scenario.variant);
    });

    it('is a complete Norwegian document with headings, no script and a strict CSP', () => {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      const htmlElement = findOne(root, byTag('html'))!;
      expect(attr(htmlElement, 'lang')).toBe('nb');
      expect(findAll(root, byTag('script'))).toEqual([]);
      const csp = findOne(root, (e) => byTag('meta')(e) && attr(e, 'http-equiv') === 'Content-Security-Policy');
      expect(attr(csp!, 'content')).toContain("default-src 'none'");
      expect(findAll(root, byTag('h1'))).toHaveLength(1);
      expect(findAll(root, byTag('h2')).map(textOf)).toEqual([
        'Om søknaden',
        'Dette må du følge opp',
        'Svarene',
        'Tidslinje',
      ]);
      // Every table has column headers.
      for (const table of findAll(root, byTag('table')))
        expect(findAll(table, (e) => byTag('th')(e) && attr(e, 'scope') === 'col').length).toBeGreaterThan(0);
      expect(record.format).toBe(RECORD_FORMAT);
    });

    it('has every relevant question in its nb standard wording, under its step, with an answer or «Ikke besvart»', () => {
      const { definition, validators } = made.sources;
      const nb = sourceTexts('nb', formId);
      const relevance = computeRelevance(definition, validators, made.submission.answers);
      for (const step of definition.steps.filter((s) => relevance.steps.includes(s.id))) {
        const fields = step.fields.filter((f) => f.kind !== 'guidance' && relevance.fields.includes(f.id));
        if (fields.length === 0) continue;
        const section = findOne(root, (e) => byTag('section')(e) && attr(e, 'data-step') === step.id)!;
        expect(textOf(findOne(section, byTag('h3'))!)).toBe(lookup(nb, `steps.${step.id}.title`));
        for (const field of fields) {
          if (field.kind === 'attachments') {
            for (const document of relevance.attachments) {
              const row = findOne(section, (e) => attr(e, 'data-document') === document)!;
              // A document per child is named by the child: «… for <the child's name>».
              const [id, item] = document.split('.');
              const child = (made.submission.answers.barn as Array<Record<string, unknown>> | undefined)?.find(
                (c) => c._id === item,
              );
              const label = String(lookup(nb, `attachments.${id}.label`)).replace(
                '{{barn-navn}}',
                String(child?.['barn-navn']),
              );
              expect(textOf(findOne(row, byTag('dt'))!)).toBe(label);
            }
            continue;
          }
          const entry = entryOf(section, field.id);
          expect(textOf(childElements(entry).find((e) => e.tagName === 'dt')!)).toBe(
            lookup(nb, `fields.${field.id}.label`),
          );
          const answer = findOne(entry, byClass('answer'))!;
          if (made.submission.answers[field.id] === undefined && field.kind !== 'group')
            expect(findOne(answer, byClass('not-answered'))).toBeDefined();
          if (field.kind === 'group') checkItems(field, entry);
        }
      }

      function checkItems(group: FieldDefinition, entry: HtmlNode): void {
        const items = made.submission.answers[group.id] as Array<Record<string, unknown>>;
        const shown = findAll(entry, byClass('item'));
        expect(shown).toHaveLength(items.length);
        items.forEach((item, index) => {
          // Named by its answers: «Barn 1: <the child's name>».
          const title = textOf(findOne(shown[index]!, byClass('item-title'))!);
          expect(title).toContain(String(index + 1));
          const name = Object.values(item).find((v) => typeof v === 'string' && !/^\d{4}-/.test(v));
          if (typeof name === 'string') expect(title).toContain(name);
          for (const child of itemRelevance(group, item, validators).fields)
            expect(textOf(findOne(entryOf(shown[index]!, `${group.id}/${index}/${child}`), byTag('dt'))!)).toBe(
              lookup(nb, `fields.${child}.label`),
            );
        });
      }
    });

    it('shows the text the user saw, in its language and direction, with the text version, when it was not nb standard', () => {
      const user = sourceTexts(scenario.locale, formId);
      const paths = Object.entries(made.submission.answeredIn);
      expect(paths.length).toBeGreaterThan(0);
      for (const [path, seen] of paths) {
        const field = path.split('/').at(-1)!;
        const entry = findOne(root, (e) => byClass('entry')(e) && attr(e, 'data-path') === path);
        if (!entry) continue; // a document's reason: shown with the document.
        const block = findOne(entry, byClass('seen'));
        if (seen.locale === 'nb' && seen.variant === 'standard') {
          expect(block).toBeUndefined();
          continue;
        }
        expect(block, `${path}: the text the user saw`).toBeDefined();
        expect(attr(block!, 'data-locale')).toBe(seen.locale);
        expect(attr(block!, 'data-variant')).toBe(seen.variant);
        if (seen.text) expect(attr(block!, 'data-version')).toBe(seen.text);
        const question = findOne(block!, byClass('seen-question'))!;
        expect(attr(question, 'lang')).toBe(seen.locale);
        expect(attr(question, 'dir')).toBe(seen.locale === 'ar' ? 'rtl' : 'ltr');
        expect(textOf(question)).toBe(seenText(user, `fields.${field}.label`, seen.variant));
        expect(textOf(findOne(block!, byClass('seen-meta'))!)).toMatch(
          seen.variant === 'plain' ? /Klarspråk/ : /Vanlige tekster/,
        );
      }
      // Once, in the facts: which translation the user saw, and whether it was a draft.
      const facts = findOne(root, byClass('facts'))!;
      const translations = findAll(facts, byTag('div')).find((d) => textOf(d).startsWith('Tekster søkeren så'));
      const status = (made.sources.locales[scenario.locale]?._status ?? {}) as Record<string, string>;
      const language = { ar: 'arabisk', pl: 'polsk', nb: 'norsk bokmål' }[scenario.locale]!;
      expect(textOf(translations!)).toContain(language);
      expect(textOf(translations!).includes('ikke kvalitetssikret')).toBe(status[formId] === 'draft');
      // The plain variant shows the plain wording where the form has one.
      if (scenario.variant === 'plain') expect(findAll(root, byClass('seen')).length).toBeGreaterThan(0);
    });

    it('lists every flag at the top: contact, interpreter, «Vet ikke», corrected register values, documents, urgent need', () => {
      const actions = findOne(root, (e) => attr(e, 'id') === 'actions')!;
      const action = (kind: string) => findAll(actions, (e) => attr(e, 'data-action') === kind);

      const contact = action('contact');
      expect(contact).toHaveLength(1);
      expect(attr(contact[0]!, 'data-channel')).toBe('phone');
      expect(textOf(contact[0]!)).toContain('Telefon');

      const interpreter = action('interpreter');
      const language = scenario.locale === 'nb' ? 'se' : scenario.locale;
      expect(attr(interpreter[0]!, 'data-language')).toBe(language);
      expect(textOf(interpreter[0]!)).toContain({ ar: 'arabisk', pl: 'polsk', se: 'nordsamisk' }[language]);

      expect(action('unsure').map((e) => attr(e, 'data-field'))).toEqual(made.submission.unsure);
      if (made.unsureField) {
        expect(made.submission.unsure).toContain(made.unsureField);
        expect(attr(entryOf(root, made.unsureField), 'data-unsure')).toBe('true');
      }

      const corrected = action('corrected');
      expect(corrected.map((e) => attr(e, 'data-field'))).toEqual(made.correctedField ? [made.correctedField] : []);
      if (made.correctedField) {
        const register =
          REGISTER_VALUES[
            made.sources.definition.steps.flatMap((s) => s.fields).find((f) => f.id === made.correctedField)!.kind
          ];
        const cells = findAll(corrected[0]!, byTag('td')).map(textOf);
        expect(cells[0]).toContain(typeof register === 'string' ? register : 'Gamleveien 2');
        expect(cells[1]).not.toBe(cells[0]);
        expect(findAll(corrected[0]!, byTag('th')).map(textOf).join(' ')).toContain('Verdi i registeret');
      }

      const documents = action('document');
      const answers = Object.values(made.submission.answers).find(
        (v) => isRecord(v) && Object.values(v).some((d) => isRecord(d) && 'status' in d),
      ) as Record<string, { status: string; reason?: string }> | undefined;
      const expected = made.submission.attachments.filter((id) => answers?.[id]?.status !== 'uploaded');
      expect(documents.map((e) => attr(e, 'data-document'))).toEqual(expected);
      for (const element of documents) {
        const answer = answers?.[attr(element, 'data-document')!];
        expect(attr(element, 'data-status')).toBe(answer?.status ?? 'none');
        if (answer?.reason) {
          const reason = findOne(element, byClass('user-text'))!;
          expect(textOf(reason)).toBe(answer.reason);
          expect(attr(reason, 'lang')).toBe(scenario.locale);
        }
      }
      if (formId === 'stotte' || formId === 'sosialhjelp')
        expect(documents.map((e) => attr(e, 'data-status'))).toEqual(expect.arrayContaining(['later', 'missing']));

      const urgent = action('urgent');
      if (formId === 'sosialhjelp') {
        expect(urgent.map((e) => attr(e, 'data-field'))).toEqual(['hjelp-i-dag']);
        expect(textOf(urgent[0]!)).toContain('Trenger hjelp i dag');
        // First of all.
        expect(attr(findAll(actions, byClass('action'))[0]!, 'data-action')).toBe('urgent');
      } else expect(urgent).toEqual([]);
    });

    it('keeps free text exactly as written, marked with the language the user was using', () => {
      const answerAt = (path: string): unknown =>
        path
          .split('/')
          .reduce<unknown>(
            (node, part) =>
              isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined,
            made.submission.answers,
          );
      const entries = findAll(
        root,
        (e) => byClass('entry')(e) && ['text', 'textarea'].includes(attr(e, 'data-kind') ?? ''),
      );
      let checked = 0;
      for (const entry of entries) {
        const path = attr(entry, 'data-path')!;
        const written = answerAt(path);
        if (typeof written !== 'string') continue;
        const element = findOne(findOne(entry, byClass('answer'))!, byClass('user-text'))!;
        expect(textOf(element)).toBe(written);
        expect(attr(element, 'lang')).toBe(made.submission.answeredIn[path]!.locale);
        expect(attr(element, 'dir')).toBe('auto');
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
      // The user's language is named beside text written in another language than Norwegian.
      if (scenario.locale !== 'nb') expect(findAll(root, byClass('lang')).length).toBeGreaterThan(0);
    });

    it('has the timeline: started, then submitted', () => {
      const rows = findAll(
        findOne(root, (e) => attr(e, 'id') === 'timeline')!,
        (e) => byTag('tr')(e) && byAttr('data-event')(e),
      );
      expect(rows.map((r) => attr(r, 'data-event'))).toEqual(['started', 'submitted']);
      expect(attr(findOne(rows[0]!, byTag('time'))!, 'datetime')).toBe(made.submission.startedAt);
      expect(attr(findOne(rows[1]!, byTag('time'))!, 'datetime')).toBe(made.submission.submittedAt);
      expect(textOf(rows[1]!)).toMatch(/3\. mars 2026 kl\. 11:15/);
    });
  });
});

describe('the record of sosialhjelp: amounts, totals and documents received later', () => {
  it('sums the amounts of a step marked total, and puts each document received later on the timeline', async () => {
    const made = await makeSubmission('sosialhjelp', { locale: 'nb', variant: 'standard' });
    const record = buildRecord(made.sources, made.submission, [
      { kind: 'document-received', at: '2026-03-10T08:00:00.000Z', document: 'stromregning' },
    ]);
    const root = parseHtml(renderRecordHtml(record));
    const step = findOne(root, (e) => attr(e, 'data-step') === 'utgifter-og-gjeld')!;
    const amounts = ['husleie', 'strom', 'barnehage', 'sfo', 'gjeld-betaling'].map(
      (id) => made.submission.answers[id] as number,
    );
    const total = findOne(step, byClass('total'))!;
    expect(Number(attr(total, 'data-total'))).toBe(amounts.reduce((a, b) => a + b, 0));
    expect(textOf(total).replace(/\s/g, ' ')).toContain('14 700 kr');
    // Only where the form says the amounts add up.
    expect(findAll(root, byClass('total'))).toHaveLength(1);
    expect(textOf(findOne(entryOf(root, 'husleie'), byClass('answer'))!).replace(/\s/g, ' ')).toBe('9 500 kr');
    const events = findAll(
      findOne(root, (e) => attr(e, 'id') === 'timeline')!,
      byAttr('data-event'),
    );
    expect(events.map((e) => attr(e, 'data-event'))).toEqual(['started', 'submitted', 'document-received']);
    expect(textOf(events[2]!)).toContain('Den siste strømregningen');
    // nb standard: no «text the user saw» anywhere, and no language marks on Norwegian free text.
    expect(findAll(root, byClass('seen'))).toEqual([]);
    expect(
      findAll(root, byClass('lang'))
        .map(textOf)
        .filter((t) => t.startsWith('(')),
    ).toEqual([]);
  });
});

describe('documents sent later through the receipt’s link (decision 0035)', () => {
  it('a file received settles a document; «har ikke» again brings its reason, exactly as written, to the actions and the timeline', async () => {
    const made = await makeSubmission('sosialhjelp', { locale: 'pl', variant: 'standard' });
    const before = buildRecord(made.sources, made.submission);
    const waiting = before.actions.flatMap((a) => (a.kind === 'document' ? [a] : []));
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const [first, second] = waiting as [(typeof waiting)[number], (typeof waiting)[number]];
    const reason = 'Nie mam umowy na piśmie.';
    const record = buildRecord(made.sources, made.submission, [
      { kind: 'document-not-had', at: '2026-03-11T09:30:00.000Z', document: second.document, reason },
      { kind: 'document-received', at: '2026-03-10T08:00:00.000Z', document: first.document },
    ]);
    const after = record.actions.flatMap((a) => (a.kind === 'document' ? [a] : []));
    expect(after.map((a) => a.document)).not.toContain(first.document);
    expect(after.find((a) => a.document === second.document)).toMatchObject({
      status: 'missing',
      reason: { text: reason, lang: 'pl' },
    });
    const root = parseHtml(renderRecordHtml(record));
    const events = findAll(
      findOne(root, (e) => attr(e, 'id') === 'timeline')!,
      byAttr('data-event'),
    );
    expect(events.map((e) => attr(e, 'data-event'))).toEqual([
      'started',
      'submitted',
      'document-received',
      'document-not-had',
    ]);
    expect(textOf(events[2]!)).toContain(`Dokument mottatt: ${first.name}`);
    expect(textOf(events[2]!)).toMatch(/10\. mars 2026 kl\. 09:00/);
    expect(textOf(events[3]!)).toContain(`Søkeren har ikke dokumentet: ${second.name}`);
    const said = findOne(events[3]!, byClass('user-text'))!;
    expect([attr(said, 'lang'), textOf(said)]).toEqual(['pl', reason]);
  });
});
