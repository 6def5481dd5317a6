// An esbuild plugin for the standalone build (cdn/, build/widget/): the copy of lit-html bundled there creates
// its Trusted Types policy under the name "klarskjema" instead of "lit-html", so a host page with its own Lit
// (its own "lit-html" policy) can allow both by name and never needs 'allow-duplicates'
// (docs/decisions/0015-builds.md). The npm build keeps lit external and the name untouched.
import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

/** The policy name the standalone build's Lit creates; a host allows it with `trusted-types klarskjema`. */
export const STANDALONE_POLICY = 'klarskjema';

// lit-html 3's production file has `createPolicy("lit-html",{createHTML:t=>t})`, its development file
// `createPolicy('lit-html', {`. Any other shape (a new Lit) fails the build: the rename must not miss silently.
const LIT_HTML_FILE = /[\\/]node_modules[\\/]lit-html[\\/](?:development[\\/])?lit-html\.js$/;
const CREATE_POLICY = /\bcreatePolicy\((["'])lit-html\1/g;

export function renameLitPolicy(source: string, file: string): string {
  const found = source.match(CREATE_POLICY)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${file}: expected one createPolicy('lit-html', …), found ${found}; the standalone build's Trusted Types policy rename no longer matches this lit-html`,
    );
  }
  return source.replace(CREATE_POLICY, (_match, quote: string) => `createPolicy(${quote}${STANDALONE_POLICY}${quote}`);
}

export const litPolicyRenamePlugin: Plugin = {
  name: 'lit-policy-rename',
  setup(build) {
    build.onLoad({ filter: LIT_HTML_FILE }, async (args) => ({
      contents: renameLitPolicy(await readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
