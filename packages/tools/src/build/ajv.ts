// The one place ajv is configured, for the build and for Node-side checks. Never shipped to the browser.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { readFileSync } from 'node:fs';
import { formats } from '../../../../src/validation/formats.ts';
import { schemasDir } from '../assets.ts';

const sharedSchemas = ['answers/address.schema.json', 'answers/attachment.schema.json'];
export const ATTACHMENT_SCHEMA_ID = 'https://klarskjema.dev/schemas/answers/attachment.schema.json';
export const ADDRESS_SCHEMA_ID = 'https://klarskjema.dev/schemas/answers/address.schema.json';

/** Name that the generated validators use for the formats module's export (the code template above). */
export const FORMATS_BINDING = 'klarFormats';

export function createAjv(options: { standalone: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: false,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    // 1234.57 / 0.01 is 123456.99999999999 in floating point: without a tolerance, multipleOf: 0.01 refuses
    // ordinary øre amounts. Nine decimals is far below an øre and far above the rounding error.
    multipleOfPrecision: 9,
    // English messages never reach a user (errors become i18n keys), so the generated code leaves them out.
    messages: !options.standalone,
    code: options.standalone ? { source: true, esm: true, formats: _`klarFormats` } : undefined,
  });
  for (const [name, validate] of Object.entries(formats)) ajv.addFormat(name, validate);
  for (const file of sharedSchemas) ajv.addSchema(JSON.parse(readFileSync(`${schemasDir}/${file}`, 'utf8')));
  return ajv;
}
