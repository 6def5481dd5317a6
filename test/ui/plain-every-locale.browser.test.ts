// The honest plain switch in every language (issue 16, decision 0030): for every form the build lists, in every
// locale its package lists (so new locales count once built), "show simpler text" is pressed on the first
// step with its errors shown (the widget's own texts) and on the second step, and the texts that change are
// counted. A locale changes as many texts as nb does there, or says honestly, in the note and the live region,
// that it has no simpler text yet, and then shows nb's plain text, marked lang="nb", when the user asks.
import { checkA11y } from '../browser/axe.ts';
import { assert, equal } from '../browser/assert.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';
import { definitionOf, fillShown, formIds, liveText, mountWidget, next, root, settle, type Widget } from './driver.ts';

const forms = await formIds();

/** What a user reads on the view: each block's text once (a glossary word inside a sentence stays in it). */
function shownTexts(widget: Widget): string[] {
  const views = root(widget).querySelector('.views')!;
  const blocks = new Set<Element>();
  const walker = document.createTreeWalker(views, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const block = node.parentElement?.closest('h2, h3, p, legend, label, li, button, summary, dt, dd, option, div');
    // The switch, its note, the draft notice and the glossary are about the texts, not the texts themselves;
    // the save status changes by itself when a draft is saved.
    if (!block || block.closest('.toolbar, .plain-note, .draft-note, .glossary, .draft-status')) continue;
    blocks.add(block);
  }
  return [...blocks].map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Texts in `after` that `before` did not show (each text counted as often as it appears). */
function changedTexts(before: readonly string[], after: readonly string[]): string[] {
  const left = [...before];
  const changed: string[] = [];
  for (const text of after) {
    const at = left.indexOf(text);
    if (at < 0) changed.push(text);
    else left.splice(at, 1);
  }
  return changed;
}

/** The widget's plain-switch messages in a locale, from the built package's locale file. */
async function messages(formId: string, locale: string): Promise<{ changed: RegExp; unchanged: string }> {
  const file = (await (await fetch(`/build/forms/${formId}/locales/${locale}.json`)).json()) as {
    widget: { plainSwitch: { changed: string; unchanged: string } };
  };
  const { changed, unchanged } = file.widget.plainSwitch;
  const escaped = changed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{\\{count\\}\\}', '\\d+');
  return { changed: new RegExp(escaped), unchanged };
}

const plainSwitch = (widget: Widget): HTMLButtonElement => root(widget).querySelector('.toolbar > button')!;

interface Seen {
  changed: number;
  texts: string[];
  /** The note's text, when the widget said some texts have no plain text in this language. */
  note: string | null;
  live: string;
  said: { changed: RegExp; unchanged: string };
  /** After "show nb's plain text": the texts changed, and how many are marked lang="nb". */
  fromNb?: { changed: number; norwegian: number };
}

/** Turns plain on, counts, asks for nb's plain text where the note offers it, and turns plain off again. */
async function pressPlain(widget: Widget, said: Seen['said'], axe: { checked: boolean }): Promise<Seen> {
  const before = shownTexts(widget);
  const norwegianBefore = root(widget).querySelectorAll('.views [lang="nb"]').length;
  plainSwitch(widget).click();
  await settle(widget);
  equal(widget.snapshot!.context.variant, 'plain', 'plain is on');
  const texts = changedTexts(before, shownTexts(widget));
  const seen: Seen = {
    changed: texts.length,
    texts,
    note: root(widget).querySelector('.plain-note p')?.textContent?.trim() ?? null,
    live: liveText(widget),
    said,
  };
  const offer = root(widget).querySelector<HTMLButtonElement>('.plain-note button');
  if (offer && !axe.checked) {
    // The note and its button, once per form: axe-clean like the rest of the widget.
    axe.checked = true;
    await checkA11y(widget);
  }
  if (offer) {
    offer.click();
    await settle(widget);
    equal(offer.getAttribute('aria-pressed'), 'true', 'the offer is pressed');
    const norwegian = root(widget).querySelectorAll('.views [lang="nb"]').length - norwegianBefore;
    seen.fromNb = { changed: changedTexts(before, shownTexts(widget)).length, norwegian };
  }
  plainSwitch(widget).click();
  await settle(widget);
  equal(widget.snapshot!.context.variant, 'standard', 'plain is off again');
  return seen;
}

describe('the plain switch in every locale', () => {
  for (const formId of forms) {
    it(`${formId}: changes the texts nb changes, or says honestly that it cannot`, async () => {
      const definition = await definitionOf(formId);
      const answers = generatedAnswers(definition);
      const first = definition.steps[0]!.id;
      const bySteps = new Map<string, Map<string, Seen>>();
      const axe = { checked: false };
      for (const locale of definition.locales) {
        const widget = await mountWidget(formId, { lang: locale });
        const said = await messages(formId, locale);
        equal(widget.snapshot!.context.locale, locale, `the widget is in ${locale}`);
        // The first step with its errors: the widget's own texts (error summary, messages) are on it.
        await next(widget);
        const views: Array<[string, Seen]> = [[`${first} with errors`, await pressPlain(widget, said, axe)]];
        await fillShown(widget, definition, answers[first] ?? {});
        await next(widget);
        const second = widget.snapshot!.context.step;
        if (second !== first) views.push([second, await pressPlain(widget, said, axe)]);
        for (const [view, seen] of views) bySteps.set(view, (bySteps.get(view) ?? new Map()).set(locale, seen));
      }

      for (const [view, byLocale] of bySteps) {
        const nb = byLocale.get('nb')!;
        equal(nb.note, null, `${view}: nb never lacks its own plain text`);
        for (const [locale, seen] of byLocale) {
          const where = `${formId}, ${view}, ${locale}`;
          if (seen.note === null) {
            // Nothing missing: the texts nb changes change here too, and the live region says how many.
            assert(
              seen.changed >= nb.changed,
              `${where}: ${seen.changed} texts changed, nb changes ${nb.changed}: ${JSON.stringify([seen.texts, nb.texts])}`,
            );
            // The live region says what happened: texts changed (with their count), or nothing to change.
            if (seen.changed > 0)
              assert(seen.said.changed.test(seen.live), `${where}: says changed, got «${seen.live}»`);
            else assert(seen.live.includes(seen.said.unchanged), `${where}: says nothing changed, got «${seen.live}»`);
            continue;
          }
          // Honest: the note says it, the live region says the same, and nb's plain text is there on request.
          assert(nb.changed > 0, `${where}: a note only where nb has plain text`);
          assert(seen.live.includes(seen.note), `${where}: the live region says «${seen.note}», got «${seen.live}»`);
          assert(seen.fromNb !== undefined, `${where}: nb's plain text is offered`);
          assert(seen.fromNb.norwegian > 0, `${where}: nb's plain text is marked lang="nb"`);
          assert(
            seen.fromNb.changed >= nb.changed,
            `${where}: with nb's plain text, ${seen.fromNb.changed} texts changed, nb changes ${nb.changed}`,
          );
        }
        console.log(
          `${formId} ${view}: ${[...byLocale].map(([locale, seen]) => `${locale} ${seen.changed}${seen.note === null ? '' : ' (says so)'}`).join(', ')}`,
        );
      }
    });
  }
});
