// Drafts the widget cannot read (issue 12): on the host's server, in the tab (sessionStorage) and on the
// device (localStorage). The widget says so in plain words, offers «Begynn på nytt», and until the user
// chooses it the stored draft stays byte for byte as it was; only «Begynn på nytt» replaces it.
import { checkA11y } from '../browser/axe.ts';
import { assert, deepEqual, equal, match } from '../browser/assert.ts';
import { definitionOf, eventually, fillStep, liveRegions, root, type Widget } from './driver.ts';
import { draftServer, mount, press, settle, text, until } from './draft-helpers.ts';

const KEY = 'klarskjema:kontakt';
const URL_ = '/test-drafts/kontakt/unreadable';
const clean = (): void => {
  document.body.replaceChildren();
  sessionStorage.clear();
  localStorage.clear();
};
/** What the widget says: its polite region (role=status) and its assertive one (role=alert). */
const liveText = (widget: Widget, roles = '[role=status], [role=alert]'): string =>
  [...root(widget).querySelectorAll(roles)].map((e) => e.textContent ?? '').join(' ');
const serverDraft = async (): Promise<string | null> => {
  const r = await fetch(URL_, { cache: 'no-store' });
  return r.status === 200 ? r.text() : null;
};
const putServer = (body: string) => fetch(URL_, { method: 'PUT', body });

/** What a newer widget might have saved: a format this one does not know. */
const newerDraft = JSON.stringify({
  format: 2,
  form: { id: 'kontakt', version: '2.0.0' },
  sections: [{ navn: 'Kari Nordmann' }],
  savedAt: '2026-03-03T09:42:00Z',
});
const htmlPage = '<!doctype html><html><body><h1>Logg inn</h1></body></html>';

/** Types a little, waits longer than the autosave's debounce would need to write, so a write would have happened. */
async function workAndWait(widget: Widget): Promise<void> {
  await fillStep(widget, await definitionOf('kontakt'), { navn: 'Ola Nordmann' });
  // The autosave writes 500 ms after the last change; waiting for "Lagret kl." proves a save round ran.
  await until(() => text(widget, '.draft-status').startsWith('Lagret kl.'), 'a save round');
}

async function expectUnreadableView(widget: Widget): Promise<void> {
  equal(text(widget, '#ks-heading'), 'Vi klarer ikke å åpne en lagret søknad');
  match(
    text(widget, '.resume'),
    /Vi fant en lagret søknad som vi ikke klarer å åpne\. Den kan være laget med en nyere versjon av skjemaet\./,
  );
  match(text(widget, '.resume'), /Vi lar den ligge til du velger\. Hvis du begynner på nytt, sletter vi den\./);
  await until(
    () => liveText(widget).includes('Vi fant en lagret søknad som vi ikke klarer å åpne'),
    'the message to be announced',
  );
  deepEqual(
    liveRegions(widget).map((region) => region.getAttribute('aria-live')),
    ['polite', 'assertive'],
    'one polite and one assertive live region',
  );
  equal(root(widget).activeElement ?? null, null, 'focus stays with the host page until the user acts');
  assert(root(widget).querySelector('.exit button'), '"Gå ut og slett" is there');
  await checkA11y(widget);
}

describe('a draft the widget cannot read', () => {
  beforeEach(async () => {
    clean();
    await draftServer('clear');
    await draftServer('ok');
  });

  for (const [name, body] of [
    ['a newer format', newerDraft],
    ['an HTML page with 200', htmlPage],
  ] as const) {
    it(`on the server (${name}): says so, writes nothing there until «Begynn på nytt», which only then replaces it`, async () => {
      await putServer(body);
      const widget = await mount('kontakt', { attributes: { 'draft-url': URL_ } });
      await expectUnreadableView(widget);
      equal(await serverDraft(), body, 'unchanged while the user has not chosen');

      // Keyboard: Tab from the quick exit reaches «Begynn på nytt», and Enter (a button's click) chooses it.
      const startAgain = [...root(widget).querySelectorAll<HTMLButtonElement>('.resume button')].find(
        (b) => b.textContent?.trim() === 'Begynn på nytt',
      )!;
      startAgain.focus();
      equal(root(widget).activeElement, startAgain, '«Begynn på nytt» takes keyboard focus');
      startAgain.click();
      await settle(widget);
      await until(() => root(widget).activeElement?.id === 'ks-heading', "focus on the first step's heading");
      equal(widget.snapshot!.context.step, 'om-deg');
      await workAndWait(widget);
      await eventually(
        async () => (await serverDraft())?.includes('Ola Nordmann') ?? false,
        'the new draft to reach the server',
      );
      await checkA11y(widget);
    });
  }

  it('in the tab (sessionStorage) and on the device (localStorage): kept byte for byte while the user works elsewhere', async () => {
    for (const [storage, name] of [
      [sessionStorage, 'session'],
      [localStorage, 'device'],
    ] as const) {
      clean();
      storage.setItem(KEY, newerDraft);
      const widget = await mount('kontakt');
      await expectUnreadableView(widget);
      equal(storage.getItem(KEY), newerDraft, `${name}: unchanged while the user has not chosen`);
      await press(widget, 'Begynn på nytt');
      await workAndWait(widget);
      if (name === 'session') match(storage.getItem(KEY) ?? '', /Ola Nordmann/, 'replaced only after «Begynn på nytt»');
      else equal(storage.getItem(KEY), null, 'the device copy goes with «Begynn på nytt» (the tick is not set)');
    }
  });

  it("in two stores at once: only «Begynn på nytt» is offered; the quick exit clears this device and leaves the server's copy", async () => {
    await putServer(htmlPage);
    localStorage.setItem(KEY, 'not json at all');
    const widget = await mount('kontakt', { attributes: { 'draft-url': URL_ } });
    await expectUnreadableView(widget);
    // Nothing readable: only «Begynn på nytt».
    equal(
      [...root(widget).querySelectorAll('.resume button')].map((b) => b.textContent?.trim()).join('|'),
      'Begynn på nytt',
    );
    // The quick exit deletes what is on this device, readable or not; the server's copy stays (as for any draft).
    let left = '';
    widget.leave = (url) => {
      left = url;
    };
    await press(widget, 'Gå ut og slett');
    await until(() => left !== '', 'the exit');
    equal(localStorage.getItem(KEY), null);
    equal(await serverDraft(), htmlPage);
  });
});
