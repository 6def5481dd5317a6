// Renders test markup into the document (axe needs attached elements) and removes it after each test.
// Markup goes through Lit templates, never innerHTML, so fixtures work under Trusted Types like the widget.
import { render, type TemplateResult } from 'lit';

const mounted = new Set<HTMLElement>();

export function fixture(template: TemplateResult): HTMLElement {
  const container = document.createElement('div');
  container.setAttribute('data-fixture', '');
  document.body.append(container);
  render(template, container);
  mounted.add(container);
  return container;
}

export function cleanupFixtures(): void {
  for (const container of mounted) container.remove();
  mounted.clear();
}
