// Proves the axe helper: accessible markup passes, inaccessible markup fails with a readable message.
import { html } from 'lit';
import { A11Y_TAGS, checkA11y } from './axe.ts';
import { assert, match, rejects } from './assert.ts';
import { cleanupFixtures, fixture } from './fixture.ts';
import { afterEach, describe, it } from './mocha.ts';

describe('checkA11y (axe-core)', () => {
  afterEach(cleanupFixtures);

  it('passes an accessible fragment', async () => {
    const root = fixture(html`
      <main>
        <h1>Søknad om støtte</h1>
        <form>
          <label for="navn">Navn</label>
          <input id="navn" name="navn" autocomplete="name">
          <img src="/test/browser/pixel.svg" alt="NAV-logo">
          <button type="submit">Neste</button>
        </form>
      </main>`);
    const results = await checkA11y(root);
    assert(results.violations.length === 0);
    const runOnly = results.toolOptions.runOnly as { values: string[] };
    assert(
      A11Y_TAGS.every((tag) => runOnly.values.includes(tag)),
      'runs every WCAG 2.2 AA tag',
    );
  });

  it('fails an <img> without alt, naming the rule and the element', async () => {
    const root = fixture(html`<main><h1>Vedlegg</h1><img src="/test/browser/pixel.svg"></main>`);
    const error = await rejects(() => checkA11y(root), /image-alt/);
    match(error.message, /<img src=/);
    match(error.message, /dequeuniversity\.com/);
  });

  it('checks target size (WCAG 2.2, 2.5.8)', async () => {
    const root = fixture(
      html`<main><h1>Små knapper</h1><p><button type="button">A</button><button type="button">B</button></p></main>`,
    );
    // Sized through the CSSOM, not a style="" attribute, so this also works under style-src 'self'.
    for (const button of root.querySelectorAll('button')) {
      Object.assign(button.style, {
        width: '10px',
        height: '10px',
        minWidth: '0',
        minHeight: '0',
        padding: '0',
        border: '0',
        fontSize: '6px',
      });
    }
    await rejects(() => checkA11y(root), /target-size/);
  });
});
