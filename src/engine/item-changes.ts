// Adding and removing items of a list of items (a group question): only the group's view sends them, and it comes
// with the widget's late chunk (components/fields/group.ts), so the widget hands these to the machine from there
// (docs/decisions/0019-widget-weight.md) and Node hosts through createWizardMachine().
import type { FormPackage } from './form-package.ts';
import { groupsWithItemIds, ITEM_ID } from './items.ts';
import type { WizardContext } from './machine.ts';
import type { Relevance } from './relevance.ts';
import type { AnswerContext } from './submission.ts';
import type { Answers } from './answers.ts';

/** What the machine lends: its form, its relevance and its item ids. */
export interface ItemMachine {
  formPackage: FormPackage;
  relevanceOf(answers: Answers): Relevance;
  createItemId(): string;
}

const itemsOf = (answers: Answers, group: string): unknown[] =>
  Array.isArray(answers[group]) ? [...(answers[group] as unknown[])] : [];

/** A new, empty item at the end (with its id, when documents are asked for per item). */
function added(context: WizardContext, group: string, machine: ItemMachine): Partial<WizardContext> {
  const item = groupsWithItemIds(machine.formPackage.definition).has(group)
    ? { [ITEM_ID]: machine.createItemId() }
    : {};
  const answers = { ...context.answers, [group]: [...itemsOf(context.answers, group), item] };
  return { answers, relevance: machine.relevanceOf(answers) };
}

/** The item at index removed, with its documents and the record of which text its answers were given to. */
function removed(context: WizardContext, group: string, index: number, machine: ItemMachine): Partial<WizardContext> {
  const { definition, validators } = machine.formPackage;
  const items = itemsOf(context.answers, group);
  if (index < 0 || index >= items.length) return {};
  const [item] = items.splice(index, 1);
  // The removed item's documents go with it: another item never gets them.
  const answers = validators.rules?.withoutItemDocuments(definition, context.answers, item) ?? { ...context.answers };
  if (items.length > 0) answers[group] = items;
  else delete answers[group];
  // Which text each item's answers were given to moves with the items.
  const prefix = `${group}/`;
  const answeredIn: Record<string, AnswerContext> = {};
  for (const [path, seen] of Object.entries(context.answeredIn)) {
    if (!path.startsWith(prefix)) {
      answeredIn[path] = seen;
      continue;
    }
    const [, indexText, ...rest] = path.split('/');
    const at = Number(indexText);
    if (at === index) continue;
    answeredIn[[group, at > index ? at - 1 : at, ...rest].join('/')] = seen;
  }
  return { answers, relevance: machine.relevanceOf(answers), answeredIn };
}

/** One object, handed over as it is (as sending.ts's). */
export const itemChanges = { added, removed };
