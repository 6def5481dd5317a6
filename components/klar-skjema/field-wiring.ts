// What the field templates call (components/fields/field-host.ts), wired to the session's machine and the
// focus controller; it keeps what is not an answer: text as typed, chosen files, an item about to be removed.
import type { ReactiveControllerHost } from 'lit';
import type { FieldDefinition } from '../../src/definition/types.ts';
import type { FieldError } from '../../src/engine/field-errors.ts';
import type { FieldHost } from '../fields/field-host.ts';
import { errorText } from '../fields/error-text.ts';
import type { Focus } from './focus.ts';
import type { Session } from './session.ts';

/** The item whose removal the user is confirming. */
type Removing = { group: string; index: number } | null;

export class FieldWiring {
  /** Text as typed in inputs whose stored answer is parsed (amounts, dates), by answer path. */
  readonly typed = new Map<string, string>();
  /** Files the user chose, by "field/document". */
  readonly files = new Map<string, File[]>();
  #removing: Removing = null;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly focus: Focus,
  ) {}

  fieldHost(session: Session): FieldHost {
    const { definition, texts } = session;
    const { context } = session.snapshot;
    const errors = new Map<string, FieldError>();
    for (const error of context.errors) if (!errors.has(error.path)) errors.set(error.path, error);
    // The item being removed is the wiring's state; the host object's accessors reach it through these.
    const removing = (): Removing => this.#removing;
    const setRemoving = (next: Removing): void => {
      this.#removing = next;
      this.host.requestUpdate();
    };
    return {
      definition,
      validators: session.formPackage.validators,
      locale: session.locale,
      texts,
      show: (keys, params) => session.show(keys, params),
      showStandard: (keys, params) => session.showStandard(keys, params),
      answers: context.answers,
      unsure: context.unsure,
      relevantAttachments: context.relevance.attachments,
      computed: context.relevance.computed,
      errorAt: (path) => errors.get(path),
      errorText: (error) => errorText(texts, definition, error),
      typed: (path) => this.typed.get(path),
      answer: (field, value, options = {}) => {
        const path = this.#pathOf(session, field, options.index);
        if (options.typed !== undefined) this.typed.set(path, options.typed);
        else this.typed.delete(path);
        const index = options.index !== undefined ? { index: options.index } : {};
        session.send({ type: 'ANSWER', field: field.id, value, ...index });
      },
      markUnsure: (field, unsure) => session.send({ type: 'MARK_UNSURE', field: field.id, unsure }),
      changeItems: (event) => {
        // Typed text belongs to items by index; after removal the inputs show the stored answers.
        if (event.type === 'REMOVE_ITEM')
          for (const path of [...this.typed.keys()]) if (path.startsWith(`/${event.group}/`)) this.typed.delete(path);
        session.send(event);
      },
      get removing() {
        return removing();
      },
      set removing(next) {
        setRemoving(next);
      },
      files: this.files,
      focus: this.focus,
    };
  }

  #pathOf(session: Session, field: FieldDefinition, index?: number): string {
    if (index === undefined) return `/${field.id}`;
    const group = session.definition.steps.flatMap((s) => s.fields).find((f) => f.fields?.includes(field));
    return `/${group?.id}/${index}/${field.id}`;
  }
}
