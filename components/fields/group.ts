// A list of items, such as the children in a household: each item's questions, "Remove" with a
// confirmation, and "Add". In the late chunk (docs/decisions/0012-lazy-chunks.md): such lists are rare
// on a first step; fields.ts renders it through late.ts, with "loading" until the chunk is here.
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, FormDefinition } from '../../src/definition/types.ts';
import { pointer } from '../../src/engine/answers.ts';
import { itemRelevance } from '../../src/engine/relevance.ts';
import { errorMessage, fieldsetFrame, type FieldParts } from './field-frame.ts';
import { controlId, domId, fieldKeys, namedKeys, type FieldHost } from './field-host.ts';
import { renderField, type FieldPlace } from './fields.ts';
import { itemValues } from '../../src/i18n/answer-values.ts';

/** The most items the group's answer schema allows (its maxItems, inline or in $defs). */
function maxItemsOf(definition: FormDefinition, groupId: string): number | undefined {
  let schema = definition.answers.properties[groupId];
  const ref = typeof schema === 'object' ? schema.$ref : undefined;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) schema = definition.answers.$defs?.[ref.slice(8)];
  return typeof schema === 'object' && typeof schema.maxItems === 'number' ? schema.maxItems : undefined;
}

export function group(host: FieldHost, field: FieldDefinition, place: FieldPlace, parts: FieldParts): TemplateResult {
  const items = Array.isArray(place.value) ? (place.value as Array<Record<string, unknown>>) : [];
  // At the limit "Add" stays in the tab order (aria-disabled, not disabled) and says why, so a screen
  // reader user who reaches it hears the reason instead of finding no button.
  const limit = maxItemsOf(host.definition, field.id);
  const full = limit !== undefined && items.length >= limit;
  const fullId = `${domId(place.path)}-full`;
  const formId = host.definition.id;
  // An item is named by its answers where the form's text says so («Ola»), else by its number («Barn 2»).
  const itemKey = fieldKeys(formId, field.id, 'item');
  const valuesOf = (index: number) => itemValues(field, items[index], index, host.texts.locale);
  const itemTitle = (index: number) => host.texts.t(namedKeys(host.texts, itemKey, valuesOf(index)), valuesOf(index));
  const { focus } = host;
  const itemId = (index: number) => domId(place.path, `item-${index}`);
  // Focus follows each move (the new item's first question, the question before removing, back to Add),
  // and adding or removing is said in the live region.
  const add = () => {
    if (full) {
      focus.announce(host.texts.t('widget:group.full', { limit }));
      return;
    }
    host.changeItems({ type: 'ADD_ITEM', group: field.id });
    const first = field.fields?.[0];
    focus.announce(host.texts.t('widget:group.added', { item: itemTitle(items.length) }));
    if (first) focus.moveAfterRender({ id: controlId(`/${field.id}/${items.length}/${first.id}`, first.kind) });
  };
  const askToRemove = (index: number) => {
    host.removing = { group: field.id, index };
    focus.moveAfterRender({ id: `${itemId(index)}-confirm` });
  };
  const cancelRemove = (index: number) => {
    host.removing = null;
    focus.moveAfterRender({ id: `${itemId(index)}-remove` });
  };
  const remove = (index: number) => {
    host.removing = null;
    host.changeItems({ type: 'REMOVE_ITEM', group: field.id, index });
    focus.announce(host.texts.t('widget:group.removed', { item: itemTitle(index) }));
    focus.moveAfterRender({ id: domId(place.path) });
  };
  const groupError = errorMessage(host, host.errorAt(place.path));
  const controls = html`
    ${items.length === 0 ? html`<p class="group-empty">${host.show('widget:group.empty')}</p>` : nothing}
    ${items.map((item, index) => {
      const { fields } = itemRelevance(field, item, host.validators);
      const title = itemTitle(index);
      const confirming = host.removing?.group === field.id && host.removing.index === index;
      const id = itemId(index);
      return html`<fieldset class="item" part="group-item" id=${id}>
        <legend class="item-title" id="${id}-title">${host.show(namedKeys(host.texts, itemKey, valuesOf(index)), valuesOf(index))}</legend>
        ${(field.fields ?? [])
          .filter((child) => fields.includes(child.id))
          .map((child) =>
            renderField(host, child, {
              path: pointer(field.id, index, child.id),
              value: item[child.id],
              index,
              item: title,
            }),
          )}
        ${
          confirming
            ? html`<div class="confirm" role="group" aria-labelledby="${id}-confirm">
              <p class="confirm-question" id="${id}-confirm" tabindex="-1">${host.show('widget:group.confirmRemove', { item: title })}</p>
              <div class="actions actions--inline">
                <button type="button" class="button button--warning" part="button" @click=${() => remove(index)}>${host.show('widget:group.yesRemove')}</button>
                <button type="button" class="button button--secondary" part="button" @click=${() => cancelRemove(index)}>${host.show('widget:group.cancel')}</button>
              </div>
            </div>`
            : html`<button type="button" class="button button--secondary" part="button" id="${id}-remove"
              @click=${() => askToRemove(index)}>${host.show('widget:group.remove', { item: title })}</button>`
        }
      </fieldset>`;
    })}
    ${full ? html`<p class="group-full" id=${fullId}>${host.show('widget:group.full', { limit })}</p>` : nothing}
    <button type="button" class="button button--secondary" part="button" id=${domId(place.path)}
      aria-disabled=${full ? 'true' : nothing}
      aria-describedby=${[groupError ? `${parts.id}-error` : '', full ? fullId : ''].filter(Boolean).join(' ') || nothing}
      @click=${add}>${host.show([fieldKeys(formId, field.id, 'add'), 'widget:group.add'])}</button>`;
  return fieldsetFrame(host, field, parts, controls, 'group');
}
