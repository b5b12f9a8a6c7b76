// Worker bootstrap: the TypeScript sources run through tsx, as in bin/suckhoe.mjs (the worker is
// started with no execArgv, so it does not depend on how the main thread was launched).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
