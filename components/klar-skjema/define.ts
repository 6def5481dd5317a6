// Registers <klar-skjema>. Tolerates a second copy of the script on the same page: the same
// version is skipped, another version gets a console warning, and nothing throws.
import { KlarSkjema } from './klar-skjema.ts';

const VERSION = '0.2.0';
const registered = customElements.get('klar-skjema') as
  (CustomElementConstructor & { klarVersion?: string }) | undefined;

if (!registered) {
  customElements.define(
    'klar-skjema',
    class extends KlarSkjema {
      static klarVersion = VERSION;
    },
  );
} else if (registered.klarVersion !== VERSION) {
  console.warn(
    `<klar-skjema> ${registered.klarVersion ?? 'of unknown version'} is already on this page; version ${VERSION} was not registered.`,
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'klar-skjema': KlarSkjema;
  }
}

export { KlarSkjema };
export type * from './events.ts';
