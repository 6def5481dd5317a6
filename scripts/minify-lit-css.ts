// An esbuild plugin that minifies the CSS inside Lit's css`…` templates with esbuild's own CSS minifier:
// esbuild leaves template strings as they are, and the widget's styles are a fifth of its own code.
// Templates with ${…} interpolations are left alone.
import { transform, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

const CSS_TEMPLATE = /\bcss`([^`$\\]*)`/g;

export async function minifyLitCss(source: string): Promise<string> {
  let out = '';
  let from = 0;
  for (const match of source.matchAll(CSS_TEMPLATE)) {
    const minified = (await transform(match[1]!, { loader: 'css', minify: true, logLevel: 'silent' })).code.trim();
    out += `${source.slice(from, match.index)}css\`${minified}\``;
    from = match.index + match[0].length;
  }
  return out + source.slice(from);
}

export const minifyLitCssPlugin: Plugin = {
  name: 'minify-lit-css',
  setup(build) {
    build.onLoad({ filter: /[\\/]components[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.includes('css`') ? await minifyLitCss(source) : source, loader: 'ts' };
    });
  },
};
