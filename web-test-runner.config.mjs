// Browser tests: every *.browser.test.ts under components/ and test/, run in Debian's Chromium with mocha.
// Never downloads a browser: playwright-core only drives the one at CHROMIUM_PATH (default /usr/bin/chromium).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_LAUNCH_OPTIONS } from './scripts/chromium.js';
import { receiverForTests } from './test/browser/receiver-plugin.mjs';
import { axTreePlugin } from './test/browser/ax-tree-plugin.mjs';
import { packagePartsForTests } from './test/browser/package-parts-plugin.mjs';

const root = (path) => fileURLToPath(new URL(path, import.meta.url));

// Tests run under the widget's production policy (design principle 2): no eval, no inline scripts or
// styles, Trusted Types with only the `lit-html` policy. The runner's own inline config script is injected
// right after <head>, before this <meta>, and a <meta> policy only governs what comes after it, so the
// runner keeps working while the code under test gets the real policy. WTR_CSP overrides it for debugging.
const CSP =
  process.env.WTR_CSP ??
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

// A real receiver at /api/ (data under .tmp/), which a test can stop and start with the server command
// `klar-receiver`, and a host's draft endpoint at /test-drafts/ (test/browser/receiver-plugin.mjs). Opened on
// first use only, so test files that never send pay nothing.
const receiver = receiverForTests();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root('.'),
  files: ['components/**/*.browser.test.ts', 'test/**/*.browser.test.ts', '!**/node_modules/**'],
  nodeResolve: true,
  // A package's rest withheld or held back (test/browser/package-parts-plugin.mjs).
  middleware: [receiver.middleware, packagePartsForTests()],
  plugins: [
    receiver.plugin,
    // Chromium's accessibility tree of the widget (test/ui/accessibility-tree.browser.test.ts).
    axTreePlugin(),
    // Our imports carry explicit .ts extensions: the dev server serves those files and esbuild strips types,
    // reading tsconfig.json so class-field semantics match tsc (useDefineForClassFields: false, for Lit).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: root('./tsconfig.json') }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    }),
  ],
  // Two cores: two test files at a time in one browser.
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // Guards against a hang only: no test relies on finishing within them, and on a loaded 2-core machine
  // (two test files at a time, other work beside) a test may take many times its usual time. A test waits
  // for events (test/ui/driver.ts `until`, at most UNTIL_MS = 60 s each), never for a fixed time.
  testsFinishTimeout: 900_000,
  testFramework: { config: { timeout: 180_000 } },
  // Lit's dev-mode notice on every file is noise; its other dev-mode warnings still show.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  // axe-core is a UMD script and `script.src = …` is a Trusted Types sink, so the page loads it up front
  // (test/browser/axe.ts uses window.axe). csp-report logs any policy violation.
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html lang="nb">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${CSP}">
    <title>klarskjema browser test</title>
    <script src="/node_modules/axe-core/axe.min.js"></script>
    <script type="module" src="/test/browser/csp-report.ts"></script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
