// Drafts (docs/users.md N12, N13): a reload keeps everything, "Gå ut og slett" leaves nothing, the device
// keeps answers only after the user's tick and only until the expiry, a server draft resumes on another
// device, a newer form version keeps what still fits, and two tabs never overwrite each other.
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal, match } from '../browser/assert.ts';
import {
  byId,
  definitionOf,
  fillStep,
  fullAnswers,
  headingText,
  liveRegions,
  next,
  root,
  type Widget,
} from './driver.ts';
import { draftServer, mount, place, press, reload, settle, storedKeys, text, until } from './draft-helpers.ts';

const DAY = 86_400_000;
const T0 = new Date('2026-03-03T09:42:00Z');

/** Answers for every step, in input form; documents without files (files are never stored: tested apart). */
const answersFor = (formId: string, step: string): Record<string, unknown> =>
  formId === 'stotte' && step === 'vedlegg'
    ? { dokumenter: { husleiekontrakt: 'later', lonnsslipp: 'later', kontoutskrift: 'missing' } }
    : (fullAnswers[formId]![step] ?? {});

async function switchLanguage(widget: Widget, locale: string): Promise<void> {
  const select = byId<HTMLSelectElement>(widget, 'ks-language');
  select.value = locale;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await until(() => widget.snapshot!.context.locale === locale, `the language ${locale}`);
  await settle(widget);
}

/** A clean device; the last test's widgets go first, since a widget saves its draft when it is removed. */
const clean = (): void => {
  document.body.replaceChildren();
  sessionStorage.clear();
  localStorage.clear();
};
/** What the widget says: its polite region (role=status) and its assertive one (role=alert). */
const liveText = (widget: Widget, roles = '[role=status], [role=alert]'): string =>
  [...root(widget).querySelectorAll(roles)].map((e) => e.textContent ?? '').join(' ');
const deviceDraft = (formId: string) =>
  JSON.parse(localStorage.getItem(`klarskjema:${formId}`) ?? 'null') as {
    expiresAt: string;
    savedAt: string;
    answers: Record<string, unknown>;
  } | null;

describe('a reload in the same tab', () => {
  beforeEach(clean);

  for (const formId of ['kontakt', 'stotte']) {
    it(`restores every answer, the step, the language and the text variant on every step of "${formId}"`, async () => {
      const definition = await definitionOf(formId);
      let widget = await mount(formId);
      let turn = 0;
      while (widget.snapshot!.value === 'filling') {
        const step = widget.snapshot!.context.step;
        await fillStep(widget, definition, answersFor(formId, step));
        if (turn === 1) await switchLanguage(widget, 'en');
        if (turn === 2) await switchLanguage(widget, 'nb');
        if (turn % 2 === 0)
          await press(widget, widget.snapshot!.context.variant === 'plain' ? 'Vis vanlig tekst' : 'Vis enklere tekst');
        turn += 1;
        assert(root(widget).querySelector('.exit button'), `"Gå ut og slett" on ${step}`);
        const before = place(widget);
        const heading = headingText(widget);
        widget = await reload(widget, formId);
        deepEqual(place(widget), before, `everything is back after a reload on ${step}`);
        equal(headingText(widget), heading, 'the same step, in the same language and variant');
        equal(root(widget).querySelector('.resume'), null, 'a reload in the same tab asks nothing');
        await next(widget);
        deepEqual(widget.snapshot!.context.errors, [], `no errors on ${step}`);
      }
      equal(widget.snapshot!.value, 'review');
      const before = place(widget);
      widget = await reload(widget, formId);
      equal(widget.snapshot!.value, 'review', 'the review page comes back too');
      deepEqual(place(widget), before);
      assert(root(widget).querySelector('.exit button'), '"Gå ut og slett" on the review page');
      await checkA11y(widget);
    });
  }

  it('keeps everything when the host moves the element in the page (the copy in memory), even with no session draft', async () => {
    let widget = await mount('kontakt', { attributes: { 'session-draft': 'off' } });
    await fillStep(widget, await definitionOf('kontakt'), answersFor('kontakt', 'om-deg'));
    await next(widget);
    const before = place(widget);
    const elsewhere = document.createElement('section');
    document.querySelector('main')!.append(elsewhere);
    elsewhere.append(widget);
    await until(
      () => widget.snapshot?.context.step === 'henvendelse' && root(widget).querySelector('#ks-heading') !== null,
      'the form after the move',
    );
    deepEqual(place(widget), before);
    equal(sessionStorage.length, 0, 'session-draft="off" writes nothing to sessionStorage');
    await press(widget, 'Tilbake');
    equal(widget.snapshot!.context.step, 'om-deg', 'the machine runs again');
    widget = await reload(widget, 'kontakt');
    equal(widget.snapshot!.context.answers.navn, undefined, 'without the session draft a reload starts afresh');
  });

  it('never stores a chosen file, not even its name, and asks for it again after a reload', async () => {
    const definition = await definitionOf('stotte');
    let widget = await mount('stotte');
    for (const step of ['situasjon', 'husstand', 'husleie']) {
      await fillStep(widget, definition, answersFor('stotte', step));
      await next(widget);
    }
    await fillStep(widget, definition, {
      dokumenter: { husleiekontrakt: 'uploaded', lonnsslipp: 'later', kontoutskrift: 'later' },
    });
    equal(
      (widget.snapshot!.context.answers.dokumenter as Record<string, { files?: unknown[] }>).husleiekontrakt!.files!
        .length,
      1,
    );
    widget = await reload(widget, 'stotte');
    const stored = sessionStorage.getItem('klarskjema:stotte') ?? '';
    assert(
      stored.includes('"uploaded"') && !stored.includes('husleiekontrakt.jpg'),
      'the choice is kept, the file is not',
    );
    equal(widget.snapshot!.context.step, 'vedlegg');
    deepEqual((widget.snapshot!.context.answers.dokumenter as Record<string, unknown>).husleiekontrakt, {
      status: 'uploaded',
    });
    match(text(widget, '.drafts-top .notice'), /Velg filene på nytt for: Husleiekontrakt/);
    await checkA11y(widget);
    await next(widget);
    equal(widget.snapshot!.context.errors[0]?.code, 'files.required', 'Continue asks for the file');
  });

  it('comes back after a real page reload, on every step (in a frame, with pagehide)', async function () {
    clean();
    document.body.replaceChildren();
    const frame = document.createElement('iframe');
    frame.title = 'Skjema';
    frame.src = '/test/ui/fixtures/widget-page.html';
    document.body.append(frame);
    const widgetIn = async (): Promise<Widget> => {
      await until(() => {
        const found = frame.contentDocument?.querySelector('klar-skjema') as Widget | null;
        return found?.status === 'ready' && found.shadowRoot?.querySelector('#ks-heading') !== null;
      }, 'the form in the frame');
      const found = frame.contentDocument!.querySelector('klar-skjema') as Widget;
      await settle(found);
      return found;
    };
    const definition = await definitionOf('stotte');
    let widget = await widgetIn();
    let turn = 0;
    while (widget.snapshot!.value === 'filling') {
      const step = widget.snapshot!.context.step;
      await fillStep(widget, definition, answersFor('stotte', step));
      if (turn++ === 1) await press(widget, 'Vis enklere tekst');
      // No pause: what was typed last is saved by the pagehide handler, not by the debounced save.
      const before = place(widget);
      frame.contentWindow!.location.reload();
      await until(() => frame.contentDocument?.querySelector('klar-skjema') !== widget, 'the reload');
      widget = await widgetIn();
      deepEqual(place(widget), before, `everything is back after reloading the page on ${step}`);
      await next(widget);
    }
    equal(widget.snapshot!.value, 'review');
  });
});

describe('"Gå ut og slett"', () => {
  beforeEach(clean);

  it('deletes every draft of the form on this device, in every tab, and leaves for the neutral address', async () => {
    const title = document.title;
    const url = location.href;
    const left: string[] = [];
    const first = await mount('kontakt', {
      attributes: { 'exit-url': 'https://www.nrk.no/' },
      leave: (to) => left.push(to),
    });
    const definition = await definitionOf('kontakt');
    await fillStep(first, definition, answersFor('kontakt', 'om-deg'));
    byId<HTMLInputElement>(first, 'ks-remember').click();
    await until(() => deviceDraft('kontakt') !== null, 'the draft on the device');
    const second = await mount('kontakt', {
      beside: true,
      attributes: { 'exit-url': 'https://www.nrk.no/' },
      leave: (to) => left.push(to),
    });
    equal(second.snapshot!.context.answers.navn, 'Kari Nordmann');
    assert(storedKeys().length >= 2, 'session and device copies exist');

    await press(second, 'Gå ut og slett');
    await until(() => left.length === 2, 'both widgets to leave');
    deepEqual(left, ['https://www.nrk.no/', 'https://www.nrk.no/']);
    deepEqual(storedKeys(), [], 'nothing in sessionStorage or localStorage');
    equal(sessionStorage.length + localStorage.length, 0);
    deepEqual(
      (await indexedDB.databases()).map((d) => d.name),
      [],
      'nothing in IndexedDB',
    );
    for (const widget of [first, second])
      equal(root(widget).querySelector('.root')?.childElementCount, 0, 'the answers are gone from the screen');
    // Nothing was saved after leaving, even when the page is hidden afterwards.
    document.dispatchEvent(new Event('visibilitychange'));
    dispatchEvent(new Event('pagehide'));
    // Both handlers write at once (web storage is synchronous), so anything they saved would be there now;
    // and nothing waits to be saved later: a pending save is written by pagehide, or was dropped by the exit.
    deepEqual(storedKeys(), []);
    await settle(first);
    await settle(second);
    deepEqual(storedKeys(), [], 'nor after the widgets have updated');
    equal(document.title, title, 'the page title is untouched');
    equal(location.href, url, 'the address is untouched');
  });

  it('really leaves with location.replace, so Back does not return (in a frame)', async function () {
    document.body.replaceChildren();
    const frame = document.createElement('iframe');
    frame.title = 'Skjema';
    frame.src = '/test/ui/fixtures/widget-page.html';
    document.body.append(frame);
    await until(
      () =>
        (frame.contentDocument?.querySelector('klar-skjema') as Widget | null)?.shadowRoot?.querySelector(
          '#ks-heading',
        ) != null,
      'the form',
    );
    const widget = frame.contentDocument!.querySelector('klar-skjema') as Widget;
    await fillStep(widget, await definitionOf('stotte'), answersFor('stotte', 'situasjon'));
    await until(() => sessionStorage.getItem('klarskjema:stotte') !== null, 'the session draft');
    const entries = history.length;
    button(widget, 'Gå ut og slett').click();
    await until(() => frame.contentWindow?.location.pathname === '/test/ui/fixtures/neutral.html', 'the neutral page');
    equal(history.length, entries, 'no new history entry: Back does not lead to the form');
    equal(sessionStorage.getItem('klarskjema:stotte'), null);
  });
});

const button = (widget: Widget, label: string): HTMLButtonElement =>
  [...root(widget).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label)!;

describe('this device: "Husk svarene mine på denne enheten"', () => {
  beforeEach(clean);

  it('is used only after the tick, is offered in a new tab, and expires', async () => {
    let now = T0;
    let widget = await mount('kontakt', { now: () => now });
    const remember = byId<HTMLInputElement>(widget, 'ks-remember');
    assert(!remember.checked, 'never ticked from the start');
    match(text(widget, '#ks-remember-hint'), /14 dager/);
    await fillStep(widget, await definitionOf('kontakt'), { navn: 'Kari Nordmann' });
    await until(() => sessionStorage.getItem('klarskjema:kontakt') !== null, 'the session draft');
    // One save writes every store in use at once: once it is told, the device would have its copy too.
    await until(() => text(widget, '.draft-status').startsWith('Lagret'), 'the save to be told');
    // And whatever might still wait for the user to pause is written now, as when the page goes.
    dispatchEvent(new Event('pagehide'));
    equal(localStorage.length, 0, 'nothing on the device before the tick');
    match(text(widget, '.draft-status'), /^Lagret kl\. .+ Vi sletter svarene når du lukker fanen\.$/);

    remember.click();
    await until(() => deviceDraft('kontakt') !== null, 'the device draft');
    equal(deviceDraft('kontakt')!.expiresAt, new Date(T0.getTime() + 14 * DAY).toISOString());
    await settle(widget);
    match(text(widget, '.draft-status'), /Vi lagrer svarene på denne enheten til 17\. mars\./);

    // A new tab 13 days later: no session draft, the device draft is offered.
    widget.remove();
    sessionStorage.clear();
    now = new Date(T0.getTime() + 13 * DAY);
    widget = await mount('kontakt', { now: () => now });
    equal(headingText(widget), 'Vil du fortsette der du slapp?');
    match(text(widget, '.resume'), /Du begynte på en søknad 3\. mars\./);
    equal(widget.snapshot!.context.answers.navn, undefined, 'nothing is shown or saved before the choice');
    await until(() => liveText(widget).includes('Du begynte på en søknad 3. mars.'), 'the offer to be announced');
    await checkA11y(widget);
    await press(widget, 'Fortsett');
    equal(widget.snapshot!.context.answers.navn, 'Kari Nordmann');
    equal(root(widget).activeElement?.id, 'ks-heading', 'focus on the step heading');
    assert(byId<HTMLInputElement>(widget, 'ks-remember').checked, 'still remembered');
    await until(
      () => deviceDraft('kontakt')!.expiresAt === new Date(now.getTime() + 14 * DAY).toISOString(),
      'the expiry to move with the save',
    );

    // 15 days after the last save the draft is gone: not offered, and deleted.
    widget.remove();
    sessionStorage.clear();
    now = new Date(now.getTime() + 15 * DAY);
    widget = await mount('kontakt', { now: () => now });
    equal(headingText(widget), 'Om deg', 'an expired draft is not offered');
    equal(widget.snapshot!.context.answers.navn, undefined);
    equal(localStorage.getItem('klarskjema:kontakt'), null, 'and it is deleted');
  });

  it('forgets the device copy at once when the tick is removed, and "Begynn på nytt" deletes it', async () => {
    let widget = await mount('kontakt', { attributes: { 'remember-days': '3' }, now: () => T0 });
    match(text(widget, '#ks-remember-hint'), /3 dager/);
    await fillStep(widget, await definitionOf('kontakt'), { navn: 'Kari Nordmann' });
    byId<HTMLInputElement>(widget, 'ks-remember').click();
    await until(() => deviceDraft('kontakt') !== null, 'the device draft');
    equal(deviceDraft('kontakt')!.expiresAt, new Date(T0.getTime() + 3 * DAY).toISOString());
    byId<HTMLInputElement>(widget, 'ks-remember').click();
    await settle(widget);
    equal(localStorage.getItem('klarskjema:kontakt'), null, 'untick: gone at once');

    byId<HTMLInputElement>(widget, 'ks-remember').click();
    await until(() => deviceDraft('kontakt') !== null, 'the device draft again');
    widget.remove();
    sessionStorage.clear();
    widget = await mount('kontakt', { attributes: { 'remember-days': '3' }, now: () => T0 });
    await press(widget, 'Begynn på nytt');
    equal(headingText(widget), 'Om deg');
    equal(widget.snapshot!.context.answers.navn, undefined);
    equal(localStorage.getItem('klarskjema:kontakt'), null);
    assert(!byId<HTMLInputElement>(widget, 'ks-remember').checked);
  });

  it('offers "0 days" as no choice at all', async () => {
    const widget = await mount('kontakt', { attributes: { 'remember-days': '0' } });
    equal(root(widget).querySelector('#ks-remember'), null);
  });
});

describe('a draft from an older version of the form', () => {
  beforeEach(clean);

  it('keeps the answers that still validate and lists in plain words what must be answered again', async () => {
    const nb = (await (await fetch('/build/forms/kontakt/locales/nb.json')).json()) as {
      kontakt: { fields: Record<string, { label: string }> };
    };
    localStorage.setItem(
      'klarskjema:kontakt',
      JSON.stringify({
        format: 1,
        form: { id: 'kontakt', version: '0.9.0' },
        answers: { navn: 'Kari Nordmann', telefon: '123', 'gammelt-sporsmal': 'x', tema: 'bolig' },
        unsure: [],
        answeredIn: {},
        step: 'henvendelse',
        visited: ['om-deg'],
        review: false,
        locale: 'nb',
        variant: 'standard',
        startedAt: T0.toISOString(),
        savedAt: T0.toISOString(),
        remember: true,
        expiresAt: new Date(Date.now() + 5 * DAY).toISOString(),
      }),
    );
    const widget = await mount('kontakt');
    await press(widget, 'Fortsett');
    const { answers, step } = widget.snapshot!.context;
    deepEqual(answers, { navn: 'Kari Nordmann', tema: 'bolig' }, 'valid answers kept, the rest dropped');
    equal(step, 'om-deg', 'back to the first seen step that needs an answer');
    const notice = root(widget)
      .querySelector('#ks-drafts-notice')!
      .closest('.notice')!
      .textContent!.replace(/\s+/g, ' ');
    match(notice, /Skjemaet er endret siden du begynte\. Svar på dette igjen:/);
    assert(notice.includes(nb.kontakt.fields.telefon!.label), 'the phone question is named');
    equal(root(widget).activeElement?.id, 'ks-drafts-notice', 'focus on the notice');
    await checkA11y(widget);
  });
});

describe("a draft on the host's server", () => {
  beforeEach(async () => {
    clean();
    await draftServer('clear');
    await draftServer('ok');
  });

  it('resumes on another device, and a failed save is shown, never silent', async () => {
    const attributes = { 'draft-url': '/test-drafts/kontakt/user-1' };
    let widget = await mount('kontakt', { attributes, now: () => T0 });
    await fillStep(widget, await definitionOf('kontakt'), { navn: 'Kari Nordmann', telefon: '912 34 567' });
    await until(() => text(widget, '.draft-status').includes('også på en annen enhet'), 'the server save');
    deepEqual((await draftServer('list')).keys, ['/test-drafts/kontakt/user-1']);

    await draftServer('fail');
    await fillStep(widget, await definitionOf('kontakt'), { epost: 'kari@example.no' });
    await until(() => widget.shadowRoot!.querySelector('.draft-status--failed') !== null, 'the failure to show');
    match(
      text(widget, '.draft-status'),
      /Vi fikk ikke lagret svarene kl\. .+\. Vi prøver igjen\. Ikke lukk siden ennå\./,
    );
    await until(
      () => liveText(widget, '[role=alert]').includes('Vi fikk ikke lagret svarene'),
      'the failure to be announced at once (assertive)',
    );
    await checkA11y(widget);
    await draftServer('ok');
    await press(widget, 'Lagre nå');
    await until(() => widget.shadowRoot!.querySelector('.draft-status--failed') === null, 'saved again');

    // Another device: nothing in its storage; the server's draft is offered.
    widget.remove();
    clean();
    widget = await mount('kontakt', { attributes, now: () => new Date(T0.getTime() + 2 * DAY) });
    match(text(widget, '.resume'), /Du begynte på en søknad 3\. mars\./);
    await press(widget, 'Fortsett');
    equal(widget.snapshot!.context.answers.epost, 'kari@example.no');
  });
});

describe('two tabs with the same draft', () => {
  beforeEach(clean);

  it('locks the older one with a warning, and lets the user choose where to go on; nothing is overwritten', async () => {
    const older = await mount('kontakt');
    const definition = await definitionOf('kontakt');
    await fillStep(older, definition, { navn: 'Kari Nordmann' });
    byId<HTMLInputElement>(older, 'ks-navn').focus();
    // The older tab's save may still be waiting for the user to pause: the new tab asks it to save first
    // (TabGuard.sync), and otherwise catches up when the older one answers its hello. Either way: the event.
    const newer = await mount('kontakt', { beside: true });
    await until(() => newer.snapshot!.context.answers.navn === 'Kari Nordmann', 'the new tab to have the answers');
    equal(newer.snapshot!.context.answers.navn, 'Kari Nordmann', 'the new tab has the answers');
    await until(() => older.shadowRoot!.querySelector('#ks-tabs-title') !== null, 'the older tab to be locked');
    await settle(older);
    assert(older.shadowRoot!.querySelector('.views')!.hasAttribute('inert'), 'the older tab cannot be changed');
    equal(root(older).activeElement?.id, 'ks-tabs-title', 'focus moves from the locked form to the warning');
    await until(
      () => liveText(older, '[role=alert]').includes('Skjemaet er åpent i en annen fane'),
      'the warning to be announced at once (assertive)',
    );
    await until(() => liveText(newer).includes('Skjemaet er også åpent i en annen fane'), 'the new tab to be told');
    for (const widget of [older, newer])
      deepEqual(
        liveRegions(widget).map((region) => region.getAttribute('aria-live')),
        ['polite', 'assertive'],
        'one polite and one assertive live region in each tab',
      );
    await checkA11y(document.body);

    // Work goes on in the new tab; the old one saves nothing.
    await fillStep(newer, definition, { telefon: '912 34 567' });
    const sessionDraft = () =>
      JSON.parse(sessionStorage.getItem('klarskjema:kontakt') ?? 'null') as { answers: Record<string, unknown> } | null;
    await until(() => sessionDraft()?.answers.telefon !== undefined, 'the new tab to save');
    equal(sessionDraft()!.answers.telefon, '91234567', 'the new tab saved');
    equal(sessionDraft()!.answers.navn, 'Kari Nordmann', 'with what the old tab had');

    // Back to the old tab: it takes over, the new one is locked in turn.
    await press(older, 'Fortsett i denne fanen');
    await until(() => newer.shadowRoot!.querySelector('#ks-tabs-title') !== null, 'the new tab to be locked');
    await until(
      () => older.snapshot!.context.answers.telefon === '91234567',
      'the old tab to pick up what the new one saved',
    );
    await settle(older);
    assert(!older.shadowRoot!.querySelector('.views')!.hasAttribute('inert'), 'the old tab can be used again');
    equal(older.snapshot!.context.answers.navn, 'Kari Nordmann');
    equal(root(older).activeElement?.id, 'ks-heading');
  });
});
