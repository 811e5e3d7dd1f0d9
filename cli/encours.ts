/**
 * Entry point of the `encours` command line (`npm run encours -- …`, or `bin/encours.mjs` once installed).
 * Kept to one statement so everything it does is testable through `main`.
 */
import { main } from './dispatch';
import { nodeIo } from './io';

process.exitCode = await main(process.argv.slice(2), nodeIo);
