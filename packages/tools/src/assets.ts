// Where the tools find their own files: the meta-schema and the shared answer schemas, the command's
// texts, and the formats module that every built validators.js bundles in. In the repository these are
// the root's schemas/, locales/ and src/validation/formats.ts. The published package carries copies
// beside dist/: scripts/build-packages.ts swaps this module for assets.packaged.ts when it bundles.
import { resolve } from 'node:path';
import { localesDir as rootLocales, packageRoot, schemasDir as rootSchemas } from '../../../src/node/paths.ts';

export const schemasDir = rootSchemas;
export const localesDir = rootLocales;
/** The module whose `formats` the built validators import; esbuild bundles it from here. */
export const formatsModule = resolve(packageRoot, 'src/validation/formats.ts');
/** The evaluator and item rules the validators.js of a form with expressions bundles in (decision 0021). */
export const rulesModule = resolve(packageRoot, 'src/engine/package-rules.ts');
/** The engine's whole-submission check, which every submission.js bundles in (decision 0036). */
export const submissionCheckModule = resolve(packageRoot, 'src/engine/submission-check.ts');
/** The small check of conditions as data, which every validators.js bundles in (decision 0038). */
export const conditionCheckModule = resolve(packageRoot, 'src/engine/condition-check.ts');
