#!/usr/bin/env node
// The klarskjema CLI. The engine is TypeScript; tsx runs it without a compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
