// The first step needs only its own slice of the form package (issue 20 item 2, decision 0038). With the rest
// withheld (validators-later.js and locales/later/ fail: test/browser/package-parts-plugin.mjs), the first step of
// every form, in every locale and both variants, is drawn with no text missing (no key shown in its place, the
// translator's fallback for a missing text), its error summary too, and is axe-clean: so the widget's start set
// of texts (src/engine/package-slices.ts) cannot rot unseen. And when the rest is held back and then arrives,
// Next waits for it and goes on, and the help under the step appears.
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import { generatedAnswers } from '../helpers/generated-answers.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { loadLate } from '../../components/klar-skjema/late-loader.ts';
import {
  definitionOf,
  fillShown,
  formIds,
  headingText,
  liveText,
  mountFirstStep,
  next,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';

const forms = await formIds();

/**
 * Texts looked up and not found: the translator gives back the key (without its namespace) in their place. Some
 * lookups ask for optional texts (a hint, "why we ask"); only those the whole locale file has count as missing.
 */
interface Lookup {
  keys: readonly string[];
  options: Parameters<Translator['details']>[1];
}
let missing: Lookup[] = [];
const details = Translator.prototype.details;

before(() => {
  Translator.prototype.details = function (this: Translator, keys, options) {
    const found = details.call(this, keys, options);
    const list = typeof keys === 'string' ? [keys] : keys;
    if (list.some((key) => found.res === key.split(':').slice(-1)[0]))
      missing.push({ keys: list, options: { ...options, lng: options?.lng ?? this.language } });
    return found;
  };
});

/** The lookups that found no text though the whole locale files (this locale's and nb's) have one. */
async function missingTexts(formId: string, locale: string): Promise<string[]> {
  const whole = async (lng: string) => {
    const { _status, _textVersions, ...namespaces } = (await (
      await fetch(`/build/forms/${formId}/locales/${lng}.json`)
    ).json()) as Record<string, Record<string, unknown>>;
    return namespaces;
  };
  const all = new Translator({
    lng: locale,
    fallbackLng: 'nb',
    defaultNS: formId,
    resources: { nb: await whole('nb'), [locale]: await whole(locale) },
  });
  const seen = missing.filter(({ keys, options }) => {
    const found = details.call(all, keys, options);
    return !keys.some((key) => found.res === key.split(':').slice(-1)[0]);
  });
  missing = [];
  return [...new Set(seen.map(({ keys }) => keys.join(' | ')))];
}

after(async () => {
  Translator.prototype.details = details;
  await fetch('/gated-open');
});

/** Mounts a widget for a package served under a prefix (/withheld, /gated) and waits for its first step. */
async function mountAt(prefix: string, formId: string, attributes: Record<string, string>): Promise<Widget> {
  const widget = await mountFirstStep(`${prefix}/build/forms/${formId}/`, attributes);
  // The late chunk is here too, so the views it draws are drawn if they can be (help and privacy cannot yet).
  await loadLate();
  await settle(widget);
  return widget;
}

/** The widget's nb texts from the package's whole locale file. */
async function nbTexts(formId: string): Promise<{ widget: { lateLoading: string; nextFailed: string } }> {
  return (await (await fetch(`/build/forms/${formId}/locales/nb.json`)).json()) as {
    widget: { lateLoading: string; nextFailed: string };
  };
}

/** The notice in the step's form above Continue, if any. */
const stepPanel = (widget: Widget): string | undefined =>
  root(widget).querySelector('form.step p.panel')?.textContent?.trim();

describe('the first step with only its slice of the package', () => {
  for (const formId of forms) {
    it(`${formId}: every locale and variant, the rest withheld: no text missing, errors shown, axe-clean`, async () => {
      const definition = await definitionOf(formId);
      const first = definition.steps[0]!.id;
      for (const locale of definition.locales) {
        for (const variant of ['standard', 'plain']) {
          const where = `${formId} ${locale} ${variant}`;
          missing = [];
          const widget = await mountAt('/withheld', formId, { lang: locale, variant });
          equal(widget.snapshot!.context.locale, locale, `${where}: the widget is in ${locale}`);
          equal(root(widget).querySelector('.step-help'), null, `${where}: help waits for the rest`);
          assert(headingText(widget) !== '', `${where}: the step has a heading`);
          // Continue on the empty step: the error summary and the messages, from the start slice.
          await next(widget);
          equal(widget.snapshot!.context.step, first, `${where}: still the first step`);
          if (widget.snapshot!.context.errors.length > 0)
            assert(root(widget).querySelector('[part="error-summary"]'), `${where}: the error summary is shown`);
          deepEqual(await missingTexts(formId, locale), [], `${where}: texts missing`);
          await checkA11y(widget);
          widget.remove();
        }
      }
    });
  }

  it('Next waits for the rest of the package, then goes on; the help under the step comes with it', async () => {
    await fetch('/gated-close');
    const formId = forms.includes('sosialhjelp') ? 'sosialhjelp' : forms[0]!;
    const definition = await definitionOf(formId);
    const first = definition.steps[0]!.id;
    missing = [];
    const widget = await mountAt('/gated', formId, { lang: 'nb' });
    await fillShown(widget, definition, generatedAnswers(definition)[first] ?? {});
    await next(widget);
    equal(widget.snapshot!.context.errors.length, 0, 'the first step is answered');
    equal(widget.snapshot!.context.step, first, 'Next waits: still the first step');
    equal(root(widget).querySelector('.step-help'), null, 'help waits for the rest');
    const { widget: texts } = await nbTexts(formId);
    await until(() => stepPanel(widget) === texts.lateLoading, 'Next saying it waits');
    await fetch('/gated-open');
    await until(() => widget.snapshot!.context.step !== first, 'the second step');
    await settle(widget);
    const second = widget.snapshot!.context.step;
    equal(second, widget.snapshot!.context.relevance.steps[1], 'one step on, not two');
    assert(headingText(widget).length > 0, 'the second step has its heading');
    await until(() => root(widget).querySelector('.step-help') !== null, 'the help under the step');
    deepEqual(await missingTexts(formId, 'nb'), [], `${second}: texts missing`);
    widget.remove();
  });

  it('Next says what to do when the rest of the package cannot come, and stays on the step', async () => {
    const formId = forms.includes('sosialhjelp') ? 'sosialhjelp' : forms[0]!;
    const definition = await definitionOf(formId);
    const first = definition.steps[0]!.id;
    const widget = await mountAt('/withheld', formId, { lang: 'nb' });
    await fillShown(widget, definition, generatedAnswers(definition)[first] ?? {});
    await next(widget);
    const { widget: texts } = await nbTexts(formId);
    await until(() => stepPanel(widget) === texts.nextFailed, 'the message that the rest could not come');
    equal(widget.snapshot!.context.step, first, 'still the first step, answers kept');
    await until(() => liveText(widget).includes(texts.nextFailed), 'the message said in the live region');
    await checkA11y(widget);
    widget.remove();
    missing = [];
  });
});
