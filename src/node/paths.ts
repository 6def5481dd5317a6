import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The klarskjema package root, wherever it is installed. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const schemasDir = resolve(packageRoot, 'schemas');
export const localesDir = resolve(packageRoot, 'locales');
