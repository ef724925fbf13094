// A worker thread starts with a fresh module loader: it registers tsx (which runs the API's TypeScript)
// itself, whether the API was started by tsx or loaded by a test runner.
require('tsx/cjs');
require('./run-in-thread.ts');
