// dist/klarskjema.js: a tiny entry with no static imports (docs/decisions/0012-lazy-chunks.md). It loads
// the widget's main chunk only if no <klar-skjema> is registered or on its way: a second copy of the script
// (another URL, another version) must run none of the widget, since Lit creates its Trusted Types policy
// "lit-html" as it loads and a strict policy refuses a second one. The module exports whichever class is registered.
const VERSION = '0.2.0';
/** Set by the first copy before its main chunk arrives, so a copy that runs meanwhile steps aside too. */
const LOADING = Symbol.for('klarskjema.loading');
/** The element's CSS as a sheet, for the widget (klar-skjema.ts): made from a start slice drawn by this version. */
const STYLES = Symbol.for('klarskjema.styles');

type Registered = CustomElementConstructor & { klarVersion?: string };
type Loading = { version: string; done: Promise<unknown> };
const page = globalThis as typeof globalThis & { [LOADING]?: Loading; [STYLES]?: CSSStyleSheet };

// The main chunk and the chunks it imports: scripts/build-widget.ts writes their paths here, so that they load
// beside the form package, not after it. Served from source (tests), the marker stays and nothing is preloaded.
const CHUNKS = '__KLAR_CHUNKS__';
/** The chunk with the element's CSS, which the main chunk imports when no start slice gave the loader a sheet. */
const STYLES_CHUNK = '__KLAR_STYLES__';

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

/** Start slices the loader fetched (and drew from), by URL: the widget takes them from here (load-package.ts). */
const STARTS = Symbol.for('klarskjema.starts');
type Starts = Map<string, Promise<Record<string, unknown> | null>>;
type Drawn = { mark: string; widget: string; css: string; nodes: Item[] };
type Item = string | [string, Record<string, string>, ...Item[]];

const make = (node: Item): Node => {
  if (typeof node === 'string') return document.createTextNode(node);
  const [tag, attributes, ...children] = node;
  const element = document.createElement(tag);
  for (const name in attributes) element.setAttribute(name, attributes[name]!);
  element.append(...children.map(make));
  return element;
};

/**
 * Continue pressed on a drawn step before the widget runs is not lost: the takeover presses it again. Only the drawn
 * step's form (method="dialog"): the widget's own, after the takeover, has its own handler. A control typed in or
 * changed is marked too, so that the takeover carries it over (takeover.ts).
 */
const watch = (root: ShadowRoot): void => {
  for (const type of ['submit', 'input', 'change'])
    root.addEventListener(type, (event) => {
      const target = event.target as HTMLFormElement;
      // Only on the drawn step (the widget's own view, after it, needs no marks).
      if (type !== 'submit') target.closest('[data-klar-first-step]')?.setAttribute('data-klar-touched', '');
      else if (target.method === 'dialog') target.setAttribute('data-klar-continue', '');
    });
};

/**
 * The first step as the package's start slice carries it (decision 0044), drawn into the element before the widget's
 * code has run, unless the widget will start elsewhere: a draft of this form in this tab or on this device, the
 * plain variant, documents sent later, a host's prefill or draft server. The widget takes it over (takeover.ts).
 */
function draw(element: Element, file: Record<string, unknown> | null): boolean {
  let step = file?._firstStep as Drawn | undefined;
  if (step?.widget !== VERSION) step = undefined;
  else if (!page[STYLES]) {
    page[STYLES] = new CSSStyleSheet();
    page[STYLES].replaceSync(step.css);
  }
  const key = `klarskjema:${step?.mark.split('@')[0]}`;
  try {
    if (
      !step ||
      element.shadowRoot ||
      (element as { prefill?: unknown }).prefill ||
      element.getAttribute('variant') === 'plain' ||
      /follow-up|draft-url/.test(element.getAttributeNames().join()) ||
      location.hash.startsWith('#ettersending=') ||
      sessionStorage.getItem(key) ||
      localStorage.getItem(key)
    )
      return false;
  } catch {
    // Storage blocked: no draft can be there.
  }
  const root = element.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [page[STYLES]!];
  // The nodes carry the mark (data-klar-first-step) that takeover.ts looks for.
  root.append(...step!.nodes.map(make));
  // The quick exit goes where the widget's would (exit-url, http(s) only), before the widget is here too.
  try {
    const exit = new URL(element.getAttribute('exit-url')!, document.baseURI);
    if (/^https?:$/.test(exit.protocol))
      root.querySelector<HTMLFormElement>('#ks-exit-before-script')!.action = exit.href;
  } catch {
    // No exit-url, or not an address: the default the step was drawn with.
  }
  watch(root);
  return true;
}

/**
 * What the first step needs, asked for now and side by side, instead of one after another once the widget
 * runs: its chunks, and for each <klar-skjema> already in the page its form package and starting texts. Without a
 * step drawn by the host's server, the starting language's texts are fetched here and the first step drawn from them.
 * Resolves true if it drew one.
 */
function preloadFirstStep(drawByServer: boolean): Promise<boolean[]> {
  const starts: Starts = ((page as { [STARTS]?: Starts })[STARTS] ??= new Map());
  const draws: Promise<boolean>[] = [];
  if (!CHUNKS.startsWith('__'))
    for (const chunk of CHUNKS.split(',')) preload(new URL(chunk, import.meta.url).href, true);
  for (const element of document.querySelectorAll('klar-skjema[form]')) {
    const url = new URL(element.getAttribute('form')!, document.baseURI);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    const base = url.href;
    preload(`${base}form.json`, false);
    preload(`${base}validators.js`, true);
    const lang = element.getAttribute('lang') ?? 'nb';
    for (const lng of new Set(['nb', lang])) {
      // The start slice of the texts: what the first step draws (decision 0038).
      if (!/^[a-z]{2,3}$/.test(lng)) continue;
      const start = `${base}locales/start/${lng}.json`;
      if (drawByServer || lng !== lang) preload(start, false);
      else {
        const file = fetch(start)
          .then((response) => (response.ok ? (response.json() as Promise<Record<string, unknown>>) : null))
          .catch(() => null);
        starts.set(start, file);
        draws.push(file.then((data) => draw(element, data)));
      }
    }
  }
  return Promise.all(draws);
}

/** After the next paint: a drawn step is usable then, and the widget's main chunk (one long task) runs after it. */
const painted = (): Promise<unknown> => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));

/**
 * A first step the host's server drew (declarative shadow DOM, decision 0041) is painted before the widget's code
 * runs, which is one long task: usable at once, not after it. The preloads wait for that paint too: asking for
 * each file costs the page's main thread some milliseconds (tens at 4× CPU), time in which a user's first tap on
 * the drawn step would wait. A step the loader draws itself (decision 0044) is painted before the main chunk runs too.
 */
async function loadWidget(): Promise<unknown> {
  let drawn = false;
  for (const element of document.querySelectorAll('klar-skjema'))
    if (element.shadowRoot) {
      watch(element.shadowRoot);
      drawn = true;
    }
  if (drawn) await painted();
  if ((await preloadFirstStep(drawn)).includes(true)) await painted();
  // No sheet from a start slice (a step the server drew, a package built without the first step): the CSS's own chunk.
  if (!page[STYLES] && !STYLES_CHUNK.startsWith('__')) preload(new URL(STYLES_CHUNK, import.meta.url).href, true);
  return import('./define.ts');
}

const registered = customElements.get('klar-skjema') as Registered | undefined;
const loading = page[LOADING];
if (!registered && !loading) {
  const done = loadWidget();
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
