#!/usr/bin/env node
// The CLI is TypeScript run as is: tsx compiles it on the fly, so `npx faultline` works right after
// `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
