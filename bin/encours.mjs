#!/usr/bin/env node
// The package's `bin`: registers tsx's ESM loader, then runs the TypeScript entry as is (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../cli/encours.ts');
