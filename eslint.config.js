// The rules are in packages/eslint-config (docs/decisions/0017-code-linter.md).
export { default } from '@klarskjema/eslint-config';
