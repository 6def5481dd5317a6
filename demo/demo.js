// Picks the form from ?form=… so one page shows every example form.
const form = new URLSearchParams(location.search).get('form');
const widget = document.getElementById('skjema');
if (form && /^[a-z][a-z0-9-]*$/.test(form)) widget.setAttribute('form', `/build/forms/${form}/`);
