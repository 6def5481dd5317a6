// The real application, end to end, as an applicant fills it in: register values confirmed and one
// corrected, a child, renting, one document sent later, one answer marked "I don't know", a request to be
// phoned with an interpreter. Then the receipt. And axe on every step in nb and ar, standard and plain.
import { checkA11y } from '../browser/axe.ts';
import { formatKroner } from '../../src/i18n/answer-format.ts';
import { assert, deepEqual, equal } from '../browser/assert.ts';
import {
  byId,
  definitionOf,
  fillStep,
  headingText,
  mountWidget,
  next,
  root,
  settle,
  until,
  type Widget,
} from './driver.ts';

const REFERENCE = 'KS-2026-7K3M-9QXZ';

/** What the host has from public registers for this applicant. */
const REGISTER = {
  navn: 'Amina Hassan',
  adresse: { street: 'Trondheimsveien 10', postcode: '0560', city: 'Oslo' },
  telefon: '91234567',
  kontonummer: '86011117947',
  sivilstatus: 'ugift',
  arbeidsgiver: 'Rema 1000 Grünerløkka',
};

/** The applicant's answers, step by step, as typed (the driver fills them through the controls). */
const ANSWERS: Record<string, Record<string, unknown>> = {
  begrunnelse: {
    'soker-om': ['mat', 'husleie'],
    'hva-skjedde': 'Jeg fikk færre vakter på jobben i vinter. Lønnen rekker ikke til både husleie og mat.',
    'hva-trenger': 'Jeg trenger hjelp til husleien for mars og til mat for meg og datteren min.',
    'hjelp-i-dag': 'false',
  },
  'arbeid-og-utdanning': { jobb: 'deltid', student: 'false' },
  familie: {
    'har-barn': 'true',
    barn: [{ 'barn-navn': 'Sara', 'barn-fodt': '12.03.2018', 'barn-bor-hos-deg': 'true', 'delt-bosted': 'false' }],
    barnebidrag: 'mottar',
    'bidrag-mottar': '1 800',
  },
  bosituasjon: { bosituasjon: 'leier', 'antall-personer': '1' },
  'inntekt-og-formue': {
    'ytelser-nav': 'true',
    'ytelser-hvilke': ['barnetrygd'],
    'samtykke-skatt': 'true',
    bostotte: 'false',
    innskudd: ['brukskonto'],
    'saldo-brukskonto': '350',
    verdier: ['ingen'],
    'annen-inntekt': ['ingen'],
  },
  'utgifter-og-gjeld': {
    husleie: '9 800',
    'betaler-strom': 'true',
    strom: '1 200',
    barneutgifter: ['sfo'],
    sfo: '1 650',
    'har-gjeld': 'false',
  },
  bekreftelse: { bekreftelse: true },
};

/** The documents the answers ask for: all uploaded as phone photos, except the bank statement, sent later. */
const LATER = 'kontoutskrift';

async function mount(
  options: { lang?: string; variant?: string; prefill?: Record<string, unknown> } = {},
): Promise<Widget> {
  const widget = await mountWidget(
    'sosialhjelp',
    {
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.variant ? { variant: options.variant } : {}),
      contact: JSON.stringify({
        office: 'NAV Grünerløkka',
        phone: { number: '55 55 33 33', hours: '09–15' },
        meeting: { address: 'Thorvald Meyers gate 2', hours: '10–14' },
      }),
    },
    options.prefill ? { prefill: options.prefill } : {},
  );
  await settle(widget);
  return widget;
}

const click = async (widget: Widget, id: string): Promise<void> => {
  byId(widget, id).click();
  await settle(widget);
};

/** Fills the current step the way the applicant does. */
async function answerStep(widget: Widget): Promise<string> {
  const definition = await definitionOf('sosialhjelp');
  const step = widget.snapshot!.context.step;
  const prefill = widget.snapshot!.context.prefill;
  if (step === 'vedlegg') {
    const documents = Object.fromEntries(
      widget.snapshot!.context.relevance.attachments.map((id) => [id, id === LATER ? 'later' : 'uploaded']),
    );
    await fillStep(widget, definition, { dokumenter: documents });
  } else {
    await fillStep(widget, definition, ANSWERS[step] ?? {});
  }
  // Register values (after the answers that make them relevant): "Ja, det stemmer", except the phone number, which has changed.
  for (const field of definition.steps.find((s) => s.id === step)!.fields) {
    if (!prefill[field.id] || !widget.snapshot!.context.relevance.fields.includes(field.id)) continue;
    if (field.id === 'telefon') {
      await click(widget, 'ks-telefon-prefill-no');
      const input = byId<HTMLInputElement>(widget, 'ks-telefon');
      input.value = '987 65 432';
      input.dispatchEvent(new Event('input'));
      await settle(widget);
    } else {
      await click(widget, field.kind === 'address' ? `ks-${field.id}-street` : `ks-${field.id}`);
    }
  }
  // The pay varies from month to month: the applicant is not sure and says so.
  if (step === 'arbeid-og-utdanning') await click(widget, 'ks-lonn-unsure');
  return step;
}

async function axe(widget: Widget, moment: string): Promise<void> {
  await checkA11y(document, { at: `${moment} (${headingText(widget)})` });
}

function respond(widget: Widget): void {
  widget.addEventListener('klar-submit', (event) => event.respondWith(Promise.resolve({ reference: REFERENCE })), {
    once: true,
  });
}

async function sendFromReview(widget: Widget): Promise<void> {
  respond(widget);
  [...root(widget).querySelectorAll<HTMLButtonElement>('.review .actions button')][0]!.click();
  await until(() => widget.snapshot!.value === 'submitted', 'the application to be sent');
  await settle(widget);
}

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('søknad om økonomisk sosialhjelp', () => {
  it('is filled in by an applicant with a child, renting, one document later and one unsure answer, and gives a receipt', async () => {
    const definition = await definitionOf('sosialhjelp');
    const widget = await mount({ prefill: REGISTER });
    const steps: string[] = [];
    for (let guard = 0; guard < 15 && widget.snapshot!.value === 'filling'; guard++) {
      steps.push(await answerStep(widget));
      if (steps.at(-1) === 'familie') {
        // Asks to be phoned, with a Somali interpreter, from the help panel on this step.
        root(widget).querySelector<HTMLDetailsElement>('#ks-help')!.open = true;
        await click(widget, 'ks-help-contact');
        await click(widget, 'ks-help-channel-phone');
        await click(widget, 'ks-help-interpreter');
        const language = byId<HTMLSelectElement>(widget, 'ks-help-language');
        language.value = 'so';
        language.dispatchEvent(new Event('change'));
        await settle(widget);
      }
      await next(widget);
      deepEqual(widget.snapshot!.context.errors, [], `no errors after ${steps.at(-1)}`);
    }
    deepEqual(
      steps,
      definition.steps.map((s) => s.id),
      'every step, in order, with these answers',
    );
    equal(headingText(widget), 'Se over før du sender');
    // The review names the child by its answers and shows the monthly total, worked out, with no change link.
    const rows = [...root(widget).querySelectorAll('.review .summary-row')];
    assert(
      rows.some((row) => text(row.querySelector('.summary-key')) === 'Barn 1: Sara'),
      'the child is named: «Barn 1: Sara»',
    );
    const total = widget.snapshot!.context.relevance.computed['utgifter-per-maned'];
    equal(typeof total, 'number', 'the monthly total is worked out');
    const totalRow = rows.find((row) => text(row.querySelector('.summary-key')) === 'Utgifter per måned til sammen');
    assert(totalRow, 'the total has its row on the review page');
    equal(
      text(totalRow!.querySelector('.summary-value')),
      text(Object.assign(document.createElement('p'), { textContent: formatKroner(total!, 'nb') })),
    );
    equal(totalRow!.querySelector('a'), null, 'a computed value cannot be changed');

    const missing = [...root(widget).querySelectorAll('.missing-list li')].map(text);
    assert(
      missing.some((m) => m.startsWith('Du trenger hjelp med: Hvor mye får du utbetalt i lønn i måneden?')),
      `the unsure answer is named: ${missing.join(' | ')}`,
    );
    assert(
      missing.some((m) => m.startsWith('Du sender «Kontoutskrift for den siste måneden» senere.')),
      'the document sent later is named',
    );
    equal(missing.length, 2, 'nothing else is missing');
    await sendFromReview(widget);

    const submission = widget.snapshot!.context.submission!;
    equal(submission.form.id, 'sosialhjelp');
    deepEqual(submission.unsure, ['lonn']);
    equal(submission.answers.lonn, undefined, 'no guess is sent for the unsure pay');
    // The child has a stable id beside the answers, for the documents asked for per child (decision 0021).
    const [child] = submission.answers.barn as Array<Record<string, unknown>>;
    const { _id, ...answers } = child!;
    assert(/^[a-z0-9]{6,32}$/.test(String(_id)), 'the child has an id');
    deepEqual(
      [answers],
      [{ 'barn-navn': 'Sara', 'barn-fodt': '2018-03-12', 'barn-bor-hos-deg': true, 'delt-bosted': false }],
    );
    equal(submission.answers.bosituasjon, 'leier');
    equal(submission.answers.husleie, 9800);
    deepEqual(submission.attachments, [
      'husleiekontrakt',
      'stromregning',
      'kontoutskrift',
      'barnebidrag',
      'barnehage-sfo',
    ]);
    deepEqual((submission.answers.dokumenter as Record<string, { status: string }>)[LATER], { status: 'later' });
    deepEqual(submission.help, { contact: true, channel: 'phone', interpreter: true, interpreterLanguage: 'so' });
    deepEqual(submission.prefill!.telefon, {
      source: 'kontakt-og-reservasjonsregisteret',
      original: '91234567',
      status: 'corrected',
      correction: '98765432',
    });
    equal(submission.prefill!.navn!.status, 'confirmed');
    equal(submission.prefill!.arbeidsgiver!.status, 'confirmed');
    deepEqual(
      Object.keys(submission.answeredIn).every((path) => submission.answers[path.split('/')[0]!] !== undefined),
      true,
    );

    equal(headingText(widget), 'Vi har fått det du sendte');
    assert(text(root(widget).querySelector('.receipt-reference')).includes(REFERENCE), 'the reference on the receipt');
    const later = text(root(widget).querySelector('.receipt-documents'));
    assert(later.includes('Kontoutskrift for den siste måneden'), `the document still to send: ${later}`);
    assert(!later.includes('Husleiekontrakt'), 'only what is still missing');
    const receipt = text(root(widget).querySelector('.receipt'));
    for (const part of [
      'Du vil at NAV ringer deg.',
      'Du trenger tolk på somali.',
      'Hva skjer nå?',
      'Dette sendte du',
      'Sara',
      '55 55 33 33',
    ]) {
      assert(receipt.includes(part), `the receipt has "${part}"`);
    }
    assert(
      root(widget).querySelectorAll('.receipt .summary-section').length >= 8,
      "every step's answers are on the receipt",
    );
    await axe(widget, 'receipt');
  });

  for (const lang of ['nb', 'ar', 'fa', 'lt']) {
    for (const variant of ['standard', 'plain']) {
      it(`has no axe violations on any step in ${lang}, ${variant}: empty, with errors, answered, review and receipt`, async () => {
        const widget = await mount({ lang, variant, prefill: REGISTER });
        equal(widget.snapshot!.context.locale, lang, `the form is offered in ${lang}`);
        equal(widget.snapshot!.context.variant, variant);
        const seen: string[] = [];
        for (let guard = 0; guard < 15 && widget.snapshot!.value === 'filling'; guard++) {
          const step = widget.snapshot!.context.step;
          await axe(widget, `${lang} ${variant} ${step}, empty`);
          await next(widget);
          if (widget.snapshot!.context.step === step) await axe(widget, `${lang} ${variant} ${step}, with errors`);
          else {
            // Nothing was required: come back and answer it as the applicant would.
            [...root(widget).querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)!.click();
            await settle(widget);
          }
          equal(widget.snapshot!.context.step, step);
          await answerStep(widget);
          await axe(widget, `${lang} ${variant} ${step}, answered`);
          seen.push(step);
          await next(widget);
        }
        equal(widget.snapshot!.value, 'review');
        await axe(widget, `${lang} ${variant} review`);
        await sendFromReview(widget);
        await axe(widget, `${lang} ${variant} receipt`);
        equal(seen.length, 9, `all steps checked: ${seen.join(', ')}`);
      });
    }
  }
});
