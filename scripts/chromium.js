// Debian's Chromium, the one browser the tests, screenshots and benchmark drive (never a downloaded one),
// and the flags every launch uses. Plain JavaScript so that web-test-runner.config.mjs can import it too.

/** Where Chromium is: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** playwright-core's launch options: headless, no sandbox (root in CI), nothing that phones home. */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
