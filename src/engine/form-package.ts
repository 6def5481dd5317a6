// A form package: what `klarskjema build` writes and the widget loads. The validators are ajv's
// precompiled standalone functions; nothing here compiles a schema.
import type { FormDefinition } from '../definition/types.ts';
import type { TextVersions } from './text-version.ts';
import type { PackageRules } from './expression-kind.ts';

export interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface Validate {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

export interface FormValidators {
  /** Value validators, by field id (group item fields too). */
  fields: Record<string, Validate>;
  /** Condition validators, by condition key (see conditionKey). */
  conditions: Record<string, Validate>;
  /**
   * The whole submission: { answers, unsure }. Its own module (submission.js), the largest part of a package:
   * the browser loads it after the first step, since only Send needs it (see FormPackage.submissionLoader).
   */
  submission: Validate;
  /** The evaluator and item rules (src/engine/package-rules.ts): only in the package of a form that uses them. */
  rules?: PackageRules;
}

export interface FormPackage {
  definition: FormDefinition;
  validators: FormValidators;
  /**
   * The version of each field's texts per locale and variant. Each locale file carries its own (under
   * TEXT_VERSIONS_KEY), so the table fills as locales load; a package built before 0.2.0 exports all of them from
   * validators.js as textVersions.
   */
  textVersions?: TextVersions;
  /** In the browser: loads the whole-submission validator; until it is here, `validators.submission` says no. */
  submissionLoader?: { load(): Promise<void>; ready(): boolean };
  /**
   * In the browser: loads the field validators of the steps after the first (validators-later.js, decision 0038)
   * into `validators.fields`; until it is ready, only the first step's are there and nothing may go past it.
   */
  laterLoader?: { load(): Promise<void>; ready(): boolean };
}

export type ConditionOwner = 'step' | 'field' | 'attachment';
export const conditionKey = (owner: ConditionOwner, id: string): string => `${owner}:${id}`;

/** The i18next namespace of the widget's own texts (buttons, errors, progress); a form's namespace is its id. */
/** The files of a built form package folder (beside them: locales/<lng>.json). */
export const PACKAGE_FILES = {
  definition: 'form.json',
  validators: 'validators.js',
  submission: 'submission.js',
} as const;

export const WIDGET_NAMESPACE = 'widget';
/** The i18next namespace of the glossary: hard words and their explanations, per locale (locales/<lng>/glossary.json). */
export const GLOSSARY_NAMESPACE = 'glossary';

/** In a package's locale file, beside the namespaces: { [namespace]: 'draft' | 'reviewed' }. */
export const STATUS_KEY = '_status';
/** In a package's locale file, beside the namespaces: that locale's text versions (src/engine/text-version.ts). */
export const TEXT_VERSIONS_KEY = '_textVersions';
/**
 * In a package's start slice (locales/start/<lng>.json), beside the namespaces: the first step drawn at build time,
 * which the loader draws before the widget's code has run (decision 0044).
 */
export const FIRST_STEP_KEY = '_firstStep';
/** A node of that step: text, or [tag, attributes, ...children]. */
export type DrawnNode = string | [tag: string, attributes: Record<string, string>, ...children: DrawnNode[]];
/**
 * The first step as data: what it was drawn from (`<form>@<version> <lang> <variant>`), the widget's version whose
 * templates and CSS drew it, that CSS (the element's whole, minified) and its nodes.
 */
export interface DrawnFirstStep {
  mark: string;
  widget: string;
  css: string;
  nodes: DrawnNode[];
}
export type TranslationStatus = Record<string, 'draft' | 'reviewed'>;
