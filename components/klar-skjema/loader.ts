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

// The chunks the main chunk imports: scripts/build-widget.ts writes their paths here, so that they load beside
// it, not after it. Served from source (tests), the marker stays and nothing is preloaded.
const CHUNKS = '__KLAR_CHUNKS__';

function preload(href: string, module: boolean): void {
  const link = document.createElement('link');
  link.rel = module ? 'modulepreload' : 'preload';
  if (!module) {
    link.as = 'fetch';
    // As the widget's own fetch asks (same-origin credentials), so the browser hands it this response.
    link.crossOrigin = 'anonymous';
  }
  link.href = href;
  document.head.append(link);
}

/**
 * What the first step needs, asked for now and side by side, instead of one after another once the widget
 * runs: its chunks, and for each <klar-skjema> already in the page its form package and starting texts.
 */
function preloadFirstStep(): void {
  if (!CHUNKS.startsWith('__'))
    for (const chunk of CHUNKS.split(',')) preload(new URL(chunk, import.meta.url).href, true);
  for (const element of document.querySelectorAll('klar-skjema[form]')) {
    const url = new URL(element.getAttribute('form')!, document.baseURI);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    const base = url.href;
    preload(`${base}form.json`, false);
    preload(`${base}validators.js`, true);
    for (const lng of new Set(['nb', element.getAttribute('lang') ?? 'nb']))
      // The start slice of the texts: what the first step draws (decision 0038).
      if (/^[a-z]{2,3}$/.test(lng)) preload(`${base}locales/start/${lng}.json`, false);
  }
}

/**
 * A first step the host's server drew (declarative shadow DOM, decision 0041) is painted before the widget's code
 * runs, which is one long task: usable at once, not after it. The preloads wait for that paint too: asking for
 * each file costs the page's main thread some milliseconds (tens at 4× CPU), time in which a user's first tap on
 * the drawn step would wait.
 */
const drawnPainted = (): Promise<unknown> => {
  let drawn = false;
  for (const element of document.querySelectorAll('klar-skjema')) {
    // Continue pressed on the drawn step before the widget runs is not lost: the takeover presses it again. Only
    // the drawn step's form (method="dialog"): the widget's own, after the takeover, has its own handler.
    element.shadowRoot?.addEventListener('submit', (event) => {
      const form = event.target as HTMLFormElement;
      if (form.method === 'dialog') form.setAttribute('data-klar-continue', '');
    });
    drawn ||= element.shadowRoot !== null;
  }
  return drawn ? new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))) : Promise.resolve();
};

const registered = customElements.get('klar-skjema') as Registered | undefined;
const loading = page[LOADING];
if (!registered && !loading) {
  const done = drawnPainted().then(() => {
    preloadFirstStep();
    return import('./define.ts');
  });
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
