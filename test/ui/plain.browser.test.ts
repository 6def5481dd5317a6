// The plain variant, the glossary and "Read aloud" as a user meets them (issue 5, docs/users.md N8 and N10):
// - "Vis enklere tekst" on every step changes the texts, keeps every answer and what was typed, keeps focus
//   on the switch, is axe-clean, and the submission records the variant each answer was given in;
// - a hard word's explanation opens and closes with Enter and Space, and focus stays on its summary;
// - "Les opp" appears only when the browser has a voice for the language, and reads the question, its
//   hint and its options in the variant on screen.
import { sendKeys } from '@web/test-runner-commands';
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  activeElement,
  byId,
  clickButton,
  definitionOf,
  fillStep,
  fullAnswers,
  mountWidget,
  next,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';

const PLAIN_ON = 'Vis enklere tekst';
const PLAIN_OFF = 'Vis vanlig tekst';

const toggle = (widget: Widget): HTMLButtonElement => {
  const button = [...root(widget).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) =>
    [PLAIN_ON, PLAIN_OFF].includes(b.textContent!.trim()),
  );
  assert(button, 'the plain-text switch is in the toolbar');
  return button;
};

/** Presses the switch with the keyboard, as a user does: focus it, then Enter. */
async function pressToggle(widget: Widget): Promise<void> {
  toggle(widget).focus();
  await sendKeys({ press: 'Enter' });
  await settle(widget);
}

/** Everything the step says, without what the user typed. */
const stepText = (widget: Widget): string =>
  (root(widget).querySelector('form.step')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const typedValues = (widget: Widget) =>
  [...root(widget).querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input.input, textarea')].map((input) => [
    input.id,
    input.value,
  ]);

async function submit(widget: Widget): Promise<void> {
  equal(widget.snapshot!.value, 'review');
  await clickButton(
    widget,
    root(widget).querySelector<HTMLButtonElement>('.review button.button:not(.button--secondary)')!.textContent!.trim(),
  );
  await until(() => widget.snapshot!.value === 'submitted', 'sending');
}

describe('"Vis enklere tekst" (the plain variant)', () => {
  for (const formId of ['kontakt', 'stotte']) {
    it(`${formId}: on every step it changes the texts and keeps answers, typed text and focus`, async () => {
      const definition = await definitionOf(formId);
      const widget = await mountWidget(formId);
      const plainSteps: string[] = [];
      let stepNumber = 0;
      while (widget.snapshot!.value === 'filling') {
        const step = widget.snapshot!.context.step;
        stepNumber++;
        // Odd steps are answered in the standard variant, even ones in plain, so both are recorded.
        if (stepNumber % 2 === 0) {
          await pressToggle(widget);
          equal(widget.snapshot!.context.variant, 'plain');
          plainSteps.push(step);
        }
        await fillStep(widget, definition, fullAnswers[formId]![step] ?? {});
        const answers = structuredClone(widget.snapshot!.context.answers);
        const typed = typedValues(widget);
        const before = stepText(widget);
        const variantBefore = widget.snapshot!.context.variant;

        await pressToggle(widget);
        const after = stepText(widget);
        equal(
          widget.snapshot!.context.variant,
          variantBefore === 'plain' ? 'standard' : 'plain',
          'the variant switched',
        );
        assert(after !== before, `the texts on ${step} changed`);
        deepEqual(widget.snapshot!.context.answers, answers, 'no answer changed');
        deepEqual(typedValues(widget), typed, 'what the user typed is still in the inputs, as typed');
        equal(widget.snapshot!.context.step, step, 'still on the same step');
        equal(activeElement(widget), toggle(widget), 'focus stays on the switch');
        equal(
          toggle(widget).textContent!.trim(),
          variantBefore === 'plain' ? PLAIN_ON : PLAIN_OFF,
          'the switch says what it does next',
        );
        const status = root(widget).querySelector('[role=status]')!.textContent ?? '';
        assert(/enklere tekst|vanlig tekst/.test(status), `the switch is announced, got «${status}»`);
        await checkA11y(widget);

        await pressToggle(widget);
        equal(stepText(widget), before, 'switching back shows the same texts as before');
        equal(activeElement(widget), toggle(widget), 'focus stays on the switch');
        deepEqual(widget.snapshot!.context.answers, answers);
        if (widget.snapshot!.context.variant === 'plain') await pressToggle(widget); // leave each step in standard
        await next(widget);
        deepEqual(widget.snapshot!.context.errors, [], `no errors on ${step}`);
      }
      await submit(widget);
      const { submission } = widget.snapshot!.context;
      const byStep = new Map(definition.steps.flatMap((s) => s.fields.map((f) => [f.id, s.id] as const)));
      const recorded = Object.entries(submission!.answeredIn);
      assert(recorded.length > 0, 'answeredIn is recorded');
      for (const [path, seen] of recorded) {
        const stepId = byStep.get(path.split('/')[0]!)!;
        equal(seen.variant, plainSteps.includes(stepId) ? 'plain' : 'standard', `the variant recorded for ${path}`);
        equal(seen.locale, 'nb');
      }
    });
  }

  it('starts in the host\'s default variant (variant="plain") and shows the plain texts', async () => {
    const widget = await mountWidget('stotte', { variant: 'plain' });
    equal(widget.snapshot!.context.variant, 'plain');
    equal(toggle(widget).textContent!.trim(), PLAIN_OFF);
    const text = stepText(widget);
    assert(text.includes('Hvor bor du?'), `the plain question, got ${text}`);
    assert(!text.includes('Adressen din'), 'not the standard question');
  });

  it("falls back to the same language's standard text, never to Norwegian plain text", async () => {
    const widget = await mountWidget('stotte', { lang: 'pl', variant: 'plain' });
    // Polish has no plain variant of this question: the Polish question shows, in Polish.
    const label = root(widget).querySelector<HTMLElement>('#ks-arbeid')!.closest('fieldset')!.querySelector('legend')!;
    equal(label.querySelector('[lang="nb"]'), null, 'no Norwegian text in the Polish form');
    assert(!/Hva gjør du nå/.test(label.textContent!), 'not the Norwegian plain text');
  });
});

describe('glossary', () => {
  it('explains a hard word where it appears; Enter and Space open and close it, focus stays', async () => {
    const widget = await mountWidget('kontakt');
    const term = root(widget).querySelector<HTMLDetailsElement>('details.term[data-term="fødselsnummer"]');
    assert(term, 'the national identity number question explains the word');
    assert(term.closest('.field')?.querySelector('#ks-fodselsnummer'), 'beside its own question');
    const summary = term.querySelector('summary')!;
    equal(summary.textContent!.trim(), 'Hva betyr «fødselsnummer»?');
    equal(term.open, false, 'closed at first');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await settle(widget);
    equal(term.open, true, 'Enter opens it');
    assert(term.querySelector('.term-explanation')!.textContent!.includes('11 siffer'), 'the explanation shows');
    equal(activeElement(widget), summary, 'focus stays on the word');
    await checkA11y(widget);
    await sendKeys({ press: 'Space' });
    await settle(widget);
    equal(term.open, false, 'Space closes it');
    await sendKeys({ press: 'Space' });
    await settle(widget);
    equal(term.open, true, 'Space opens it again');
    equal(activeElement(widget), summary, 'focus is still on the word');
    // Tab goes on to the next question: the explanation is no trap.
    await sendKeys({ press: 'Tab' });
    equal(activeElement(widget)?.id, 'ks-telefon');
  });

  it('follows the texts on screen: the plain text avoids the word, and other languages use their own glossary', async () => {
    const definition = await definitionOf('stotte');
    const widget = await mountWidget('stotte');
    await fillStep(widget, definition, fullAnswers.stotte!.situasjon!);
    await next(widget);
    const terms = () => [...root(widget).querySelectorAll<HTMLElement>('details.term')].map((d) => d.dataset.term);
    assert(terms().includes('forsørge'), `«Forsørger du barn» explains the word, found ${JSON.stringify(terms())}`);
    await pressToggle(widget);
    assert(!terms().includes('forsørge'), 'the plain question («Har du ansvar for barn») needs no explanation');
    await pressToggle(widget);

    const english = await mountWidget('kontakt', { lang: 'en' });
    const summary = root(english).querySelector<HTMLElement>(
      'details.term[data-term="national identity number"] summary',
    );
    equal(summary?.textContent?.trim(), 'What does “national identity number” mean?');
    // Polish has its own glossary: the Polish word is explained in Polish, never the Norwegian entry.
    const polish = await mountWidget('kontakt', { lang: 'pl' });
    const polishTerms = [...root(polish).querySelectorAll<HTMLElement>('details.term')].map((d) => d.dataset.term);
    assert(!polishTerms.includes('fødselsnummer'), `no Norwegian explanations in the Polish form: ${polishTerms}`);
    equal(
      root(polish).querySelector('details.term[data-term="numer identyfikacyjny"] summary')?.textContent?.trim(),
      'Co znaczy „numer identyfikacyjny”?',
    );
  });

  it('outside Norwegian, shows the Norwegian word the user meets in letters from NAV, marked as Norwegian', async () => {
    for (const [lang, term, label] of [
      ['so', 'lambarka aqoonsiga', 'Af Noorwiiji:'],
      ['ar', 'الرقم الشخصي', 'بالنرويجية:'],
    ] as const) {
      const widget = await mountWidget('kontakt', { lang });
      const disclosure = root(widget).querySelector<HTMLDetailsElement>(`details.term[data-term="${term}"]`);
      assert(disclosure, `${lang}: the national identity number question explains «${term}»`);
      disclosure.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      await settle(widget);
      equal(disclosure.open, true, `${lang}: Enter opens it`);
      const norwegian = disclosure.querySelector<HTMLElement>('.term-norwegian');
      assert(norwegian, `${lang}: the Norwegian word is shown`);
      equal(norwegian.textContent!.replace(/\s+/g, ' ').trim(), `${label} fødselsnummer`);
      const word = norwegian.querySelector<HTMLElement>('span[lang="nb"]');
      equal(word?.textContent, 'fødselsnummer', `${lang}: the word is marked lang="nb"`);
      equal(norwegian.hasAttribute('lang'), false, `${lang}: only the word is Norwegian, not the label`);
      await checkA11y(widget);
    }
    // In Norwegian the word is the explained word itself: nothing more to show.
    const bokmal = await mountWidget('kontakt');
    assert(root(bokmal).querySelector('details.term'), 'nb explains its words');
    equal(root(bokmal).querySelectorAll('.term-norwegian').length, 0, 'no «På norsk» line in nb');
  });
});

interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

/** A stand-in for window.speechSynthesis: voices we choose, and a record of what was spoken. */
class FakeSynthesis extends EventTarget {
  voices: FakeVoice[] = [];
  spoken: Array<{ text: string; lang: string; voice: FakeVoice | null }> = [];
  speaking = false;
  getVoices(): FakeVoice[] {
    return this.voices;
  }
  speak(utterance: FakeUtterance): void {
    this.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice });
    this.speaking = true;
  }
  cancel(): void {
    this.speaking = false;
  }
  setVoices(voices: FakeVoice[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
}
class FakeUtterance extends EventTarget {
  lang = '';
  voice: FakeVoice | null = null;
  constructor(readonly text: string) {
    super();
  }
}
const voice = (lang: string): FakeVoice => ({
  name: `Test ${lang}`,
  lang,
  localService: true,
  default: false,
  voiceURI: `test-${lang}`,
});

describe('"Les opp" (read aloud)', () => {
  let synthesis: FakeSynthesis;
  const original = {
    speechSynthesis: Object.getOwnPropertyDescriptor(window, 'speechSynthesis'),
    SpeechSynthesisUtterance: Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance'),
  };
  beforeEach(() => {
    synthesis = new FakeSynthesis();
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synthesis });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      configurable: true,
      writable: true,
      value: FakeUtterance,
    });
  });
  afterEach(() => {
    document.body.replaceChildren();
    for (const [name, descriptor] of Object.entries(original)) {
      if (descriptor) Object.defineProperty(window, name, descriptor);
      else delete (window as unknown as Record<string, unknown>)[name];
    }
  });
  const buttons = (widget: Widget) => [...root(widget).querySelectorAll<HTMLButtonElement>('button.read-aloud')];

  it('appears only when a voice for the language arrives, and reads the question, its hint and its options', async () => {
    const widget = await mountWidget('stotte');
    equal(buttons(widget).length, 0, 'no voices, no button');
    synthesis.setVoices([voice('en-GB'), voice('sv-SE')]);
    await settle(widget);
    equal(buttons(widget).length, 0, 'no Norwegian voice, no button');
    synthesis.setVoices([voice('en-GB'), voice('nb-NO')]);
    await settle(widget);
    const read = byId(widget, 'ks-arbeid').closest('fieldset')!.querySelector<HTMLButtonElement>('button.read-aloud');
    assert(read, 'the question has a read-aloud button');
    equal(read.textContent!.replace(/\s+/g, ' ').trim(), 'Les opp: Hva gjør du nå?');
    read.focus();
    await sendKeys({ press: 'Enter' });
    await settle(widget);
    equal(synthesis.spoken.length, 1);
    equal(
      synthesis.spoken[0]!.text,
      'Hva gjør du nå? Velg alt som passer. Jeg jobber fulltid. Jeg jobber deltid. Jeg går på skole eller studerer. Jeg jobber ikke og studerer ikke.',
    );
    equal(synthesis.spoken[0]!.lang, 'nb-NO');
    equal(synthesis.spoken[0]!.voice?.lang, 'nb-NO', 'with the Norwegian voice, not the English one');
    equal(activeElement(widget), read, 'focus stays on the button');
    equal(
      read.textContent!.replace(/\s+/g, ' ').trim(),
      'Stopp opplesingen: Hva gjør du nå?',
      'while reading, the button stops',
    );
    await checkA11y(widget);
    await sendKeys({ press: 'Enter' });
    await settle(widget);
    equal(synthesis.speaking, false, 'pressed again, it stops');

    // In the plain variant it reads the plain texts.
    await pressToggle(widget);
    byId(widget, 'ks-arbeid').closest('fieldset')!.querySelector<HTMLButtonElement>('button.read-aloud')!.click();
    equal(
      synthesis.spoken.at(-1)!.text,
      'Hva gjør du nå? Du kan velge flere svar. Jeg jobber hele uka. Jeg jobber noen dager eller timer i uka. Jeg går på skole eller studerer. Jeg har ikke jobb, og jeg går ikke på skole.',
    );
  });

  it('follows the language: an English voice reads the English form, and a Norwegian voice does not', async () => {
    synthesis.setVoices([voice('en-US')]);
    const widget = await mountWidget('kontakt', { lang: 'en' });
    const read = byId(widget, 'ks-navn').closest('.field')!.querySelector<HTMLButtonElement>('button.read-aloud');
    assert(read, 'an English voice reads English');
    read.click();
    equal(synthesis.spoken.at(-1)!.text, 'Your name.');
    equal(synthesis.spoken.at(-1)!.lang, 'en-US');
    const norwegian = await mountWidget('kontakt');
    equal(buttons(norwegian).length, 0, 'the English voice does not read Norwegian');
  });
});
