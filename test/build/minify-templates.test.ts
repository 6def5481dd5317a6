// The build shortens the white space in html`…` templates (scripts/minify-lit-css.ts, decision 0019): only their
// text's line breaks and indentation, never those of other templates, strings or comments.
import { describe, expect, it } from 'vitest';
import { collapseHtmlWhitespace } from '../../scripts/minify-lit-css.ts';

describe("the html templates' white space", () => {
  it('becomes one space in html`…` text, nested ones too, and stays everywhere else', () => {
    const source = [
      'const a = html`<div>',
      '  <p>${x ? html`<b>',
      '    y</b>` : `keep',
      '  this`}</p>',
      "  ${'a}\\'b'} ${/* } */ 1} ${y // }",
      '}</div>`; // html`x',
      '  z`',
      'const b = `',
      '  no`;',
    ].join('\n');
    expect(collapseHtmlWhitespace(source)).toBe(
      [
        "const a = html`<div> <p>${x ? html`<b> y</b>` : `keep\n  this`}</p> ${'a}\\'b'} ${/* } */ 1} ${y // }",
        '}</div>`; // html`x',
        '  z`',
        'const b = `',
        '  no`;',
      ].join('\n'),
    );
  });
});
