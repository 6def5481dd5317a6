// The benchmark's in-page probe, added to every page before its own scripts (Playwright's addInitScript, over
// the DevTools protocol, so the page's Content-Security-Policy does not apply). Plain browser JavaScript: it
// runs as is. Every time is performance.now(), from the navigation's start, taken after the next paint
// (a message posted from a requestAnimationFrame callback arrives after that frame is drawn).
(() => {
  const product = location.pathname.split('/')[1];
  const klar = product !== 'surveyjs';
  // What "the first question", "Continue", "the step's heading" and "the language" are in each product.
  const selectors = klar
    ? {
        input: 'form.step input:not([type=hidden]), form.step textarea',
        text: 'form.step input[type=text], form.step textarea',
        next: 'form.step button[type=submit]',
        heading: '#ks-heading',
        label: 'form.step label, form.step legend',
        language: '#ks-language',
      }
    : {
        input: '.sd-body input:not([type=hidden]), .sd-body textarea',
        text: '.sd-body input[type=text], .sd-body textarea',
        next: '.sd-navigation__next-btn',
        heading: '.sd-page__title',
        label: '.sd-body .sd-question__title',
        language: '#language',
      };
  const root = () => (klar ? (document.querySelector('klar-skjema')?.shadowRoot ?? null) : document);
  const find = (name) => root()?.querySelector(selectors[name]) ?? null;
  const visible = (element) =>
    element !== null &&
    element.isConnected &&
    !element.disabled &&
    element.checkVisibility() &&
    element.getBoundingClientRect().width > 0;

  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  /** Resolves with the time after the paint of the first frame in which condition() holds. */
  function until(condition, what, timeoutMs = 60_000) {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const frame = () => {
        if (condition()) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        } else if (performance.now() - started > timeoutMs) {
          reject(new Error(`${product}: timed out waiting for ${what}`));
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  }

  const usable = until(() => visible(find('input')), 'the first question');
  let keystroke;

  Object.defineProperty(window, '__bench', {
    value: {
      /** When the first input of the first step was in the page, visible and enabled. */
      usable: () => usable,
      /** The widget is ready and a first step drawn before it (decisions 0041, 0044) has given way to the widget's own. */
      ready: () =>
        klar
          ? until(() => {
              const widget = document.querySelector('klar-skjema');
              return widget?.status === 'ready' && !widget.shadowRoot?.querySelector('[data-klar-first-step]');
            }, 'the widget to take over')
          : Promise.resolve(performance.now()),
      /** Total blocking time so far: the part of each long task beyond 50 ms. */
      blocking: () => longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      /** Clicks Continue; ms until the next step's heading is drawn. */
      next() {
        const before = find('heading')?.textContent.trim();
        const button = find('next');
        if (!button) throw new Error(`${product}: no Continue button`);
        const started = performance.now();
        // A click first moves the focus, and SurveyJS keeps a typed value only when its input loses it.
        let focused = document.activeElement;
        while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
        focused?.blur();
        button.click();
        return until(() => {
          const heading = find('heading');
          return visible(heading) && heading.textContent.trim() !== before;
        }, 'the next step').then((done) => done - started);
      },
      /** Chooses a language as a user does; ms until the first label reads one of `expected`. */
      language(locale, expected) {
        const select = find('language');
        if (!select) throw new Error(`${product}: no language menu`);
        const started = performance.now();
        select.value = locale;
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        return until(() => {
          const label = find('label');
          return label !== null && expected.some((text) => label.textContent.includes(text));
        }, `the first label in ${locale}`).then((done) => done - started);
      },
      /** Focuses the first text input and waits for the next key press: ms from it to the paint after. */
      armKeystroke() {
        const input = find('text');
        if (!input) throw new Error(`${product}: no text input`);
        input.focus();
        keystroke = new Promise((resolve) => {
          window.addEventListener(
            'keydown',
            (event) => {
              const pressed = event.timeStamp;
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - pressed);
                channel.port2.postMessage(null);
              });
            },
            { capture: true, once: true },
          );
        });
      },
      keystroke: () => keystroke,
    },
  });
})();
