// What a slow or failing line does to the parts of a form package that come after the first step (decision 0038),
// for test/ui/slices.browser.test.ts. Under /withheld/ a package is served as under /, except its rest
// (validators-later.js, locales/later/), which fails. Under /gated/ the rest waits until the test opens the gate
// (a request to /gated-open), so a test sees the widget before and after it arrives, without timing.
const REST = /\/(validators-later\.js|locales\/later\/[^/]+\.json)$/;

export function packagePartsForTests() {
  let open;
  let opened = new Promise((resolve) => (open = resolve));
  return async (ctx, next) => {
    if (ctx.path === '/gated-open') {
      open();
      ctx.body = 'open';
      return;
    }
    if (ctx.path === '/gated-close') {
      opened = new Promise((resolve) => (open = resolve));
      ctx.body = 'closed';
      return;
    }
    for (const prefix of ['/withheld', '/gated']) {
      if (!ctx.path.startsWith(`${prefix}/`)) continue;
      if (REST.test(ctx.path)) {
        if (prefix === '/withheld') {
          ctx.status = 503;
          ctx.body = 'withheld';
          return;
        }
        await opened;
      }
      ctx.url = ctx.url.slice(prefix.length);
      break;
    }
    return next();
  };
}
