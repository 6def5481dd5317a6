// The browser's own scrolling (Tab, links to #ids) keeps clear of the sticky header at its real height, which
// grows at 400 % zoom and with the user's text spacing (docs/embedding.md, "A sticky header"). The widget
// measures the header itself and needs no scroll-offset.
const header = document.querySelector('.site-header');
new ResizeObserver(() => {
  document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
}).observe(header);

// Picks the form from ?form=… so one page shows every form in schemas/forms/.
const form = new URLSearchParams(location.search).get('form');
const widget = document.getElementById('skjema');
if (form && /^[a-z][a-z0-9-]*$/.test(form)) {
  widget.setAttribute('form', `/build/forms/${form}/`);
  // The reference receiver that `npm start` runs on this origin; the receipt shows the reference it returns.
  widget.setAttribute('submit-url', `/api/forms/${form}/submissions`);
}

// The list of forms comes from the build (build/forms/index.json, every form in schemas/forms/), so a new
// form appears here without a change to this page.
const list = document.getElementById('forms');
fetch('/build/forms/index.json')
  .then((response) => (response.ok ? response.json() : []))
  .then((forms) => {
    list.replaceChildren(
      ...forms.map(({ id, title }) => {
        const link = Object.assign(document.createElement('a'), { href: `?form=${id}`, textContent: title });
        if (id === (form ?? 'stotte')) link.setAttribute('aria-current', 'page');
        const item = document.createElement('li');
        item.append(link);
        return item;
      }),
    );
  })
  .catch(() => list.replaceChildren());

// What a host would fetch from public registers for the logged-in user; here, a made-up person.
// Set before the form has loaded, so the first step shows each value with its source to confirm.
const person = {
  navn: 'Kari Nordmann',
  fodselsnummer: '01010000110',
  adresse: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' },
  telefon: '91234567',
  konto: '86011117947',
  kontonummer: '86011117947',
};
widget.prefill = person;

// ?theme=nav or ?theme=neutral shows one of the example themes in demo/themes/.
const theme = new URLSearchParams(location.search).get('theme');
if (theme === 'nav' || theme === 'neutral') {
  document.head.append(
    Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `themes/${theme}.css` }),
  );
}
