// @klarskjema/tools as a library: what the `klarskjema` command does, for build scripts and editors.
export { main as runCli, type CliIo } from './cli/main.ts';
export {
  checkDefinition,
  FINDING_CODES,
  type CheckOptions,
  type FileReport,
  type Finding,
  type FindingCode,
} from './check/check.ts';
export { checkFormFile, type FileCheck, type FileCheckOptions } from './check/file.ts';
export { buildFormPackage, PACKAGE_FILES, type BuildResult } from './build/build.ts';
export {
  lintCollection,
  lintForm,
  lintText,
  measure,
  renderHtmlReport,
  renderJson,
  renderSarif,
  renderText,
  type LintCollectionInput,
  type LintFormInput,
  type PlainConfig,
  type PlainConfigInput,
  type SarifOptions,
} from './plain/index.ts';
export { lintCollectionFiles, lintFormFiles, loadConfig, type LintFormFileOptions } from './plain/node.ts';
export { renderFirstStep, type FirstStep, type FirstStepOptions } from './first-step.ts';
export type { FormDefinition } from '../../../src/definition/types.ts';
