// dist/klarskjema.js: a tiny entry with no static imports (docs/decisions/0012-lazy-chunks.md). It loads
// the widget's main chunk only if no <klar-skjema> is registered or on its way: a second copy of the script
// (another URL, another version) must run none of the widget, since Lit creates its Trusted Types policy
// "lit-html" as it loads and a strict policy refuses a second one. The module exports whichever class is registered.
const VERSION = '0.2.0';
/** Set by the first copy before its main chunk arrives, so a copy that runs meanwhile steps aside too. */
const LOADING = Symbol.for('klarskjema.loading');

type Registered = CustomElementConstructor & { klarVersion?: string };
type Loading = { version: string; done: Promise<unknown> };
const page = globalThis as typeof globalThis & { [LOADING]?: Loading };

const registered = customElements.get('klar-skjema') as Registered | undefined;
const loading = page[LOADING];
if (!registered && !loading) {
  const done = import('./define.ts');
  page[LOADING] = { version: VERSION, done };
  await done;
} else {
  const version = registered ? registered.klarVersion : loading!.version;
  if (version !== VERSION)
    console.warn(
      `<klar-skjema> ${version ?? 'of unknown version'} is already on this page; version ${VERSION} was not registered.`,
    );
  if (!registered) await loading!.done.catch(() => undefined);
}

export const KlarSkjema = customElements.get('klar-skjema');
