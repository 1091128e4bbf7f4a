// Which operations succeeded in this test process: the coverage guard's record.
//
// It wraps the caller every generated method goes through, so a new operation in the spec that
// no test calls fails the guard, naming the operation.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Caller } = require('../../dist/caller.js');
const { OPERATIONS } = require('../../dist/generated/operations.js');

export const succeeded = new Set();

const call = Caller.prototype.call;
Caller.prototype.call = async function recordedCall(operationId, ...rest) {
  const result = await call.call(this, operationId, ...rest);
  succeeded.add(operationId);
  return result;
};

/** The operations no test has called successfully, as `operationId (client.resource.method)`. */
export function uncalled() {
  return Object.entries(OPERATIONS)
    .filter(([id]) => !succeeded.has(id))
    .map(([id, shape]) => `${id} (client.${shape.resource}.${shape.method})`);
}

export { OPERATIONS };
