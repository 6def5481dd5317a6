// The server command `ax-tree` (executeServerCommand from @web/test-runner-commands): Chromium's own
// accessibility tree of one element, as a screen reader gets it, through the DevTools protocol
// (Accessibility.getFullAXTree). Playwright no longer has page.accessibility, so the test runner's
// a11ySnapshot command cannot be used; this one asks Chromium directly. Shadow roots are included.
// The nodes come back flat, each with its parent, so the test can walk up to a control's groups.

/** @param {{ value?: unknown } | undefined} field */
const valueOf = (field) => (field?.value === undefined ? '' : String(field.value));

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function axTreePlugin() {
  /** @type {WeakMap<object, Promise<import('playwright-core').CDPSession>>} */
  const sessions = new WeakMap();
  return {
    name: 'ax-tree',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ax-tree') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('ax-tree needs the Playwright launcher');
      /** @type {import('playwright-core').Page} */
      const page = /** @type {any} */ (session.browser).getPage(session.id);
      if (!sessions.has(page))
        sessions.set(
          page,
          page
            .context()
            .newCDPSession(page)
            .then(async (cdp) => {
              await cdp.send('Accessibility.enable');
              return cdp;
            }),
        );
      const cdp = await sessions.get(page);
      const selector = typeof payload?.selector === 'string' ? payload.selector : 'body';
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `document.querySelector(${JSON.stringify(selector)})`,
      });
      if (!result.objectId) throw new Error(`ax-tree: no element ${selector}`);
      const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const byId = new Map(nodes.map((n) => [n.nodeId, n]));
      const top = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
      if (!top) throw new Error(`ax-tree: ${selector} is not in the accessibility tree`);
      /** @type {Array<{ id: string, parent: string | null, role: string, name: string, description: string, invalid: boolean, ignored: boolean }>} */
      const out = [];
      const walk = (id, parent) => {
        const n = byId.get(id);
        if (!n) return;
        const properties = Object.fromEntries((n.properties ?? []).map((p) => [p.name, valueOf(p.value)]));
        out.push({
          id,
          parent,
          role: valueOf(n.role),
          name: valueOf(n.name).trim(),
          description: valueOf(n.description).trim(),
          invalid: properties.invalid !== undefined && properties.invalid !== 'false',
          ignored: n.ignored === true,
        });
        for (const child of n.childIds ?? []) walk(child, id);
      };
      walk(top.nodeId, null);
      return out;
    },
  };
}
