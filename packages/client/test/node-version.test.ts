import { describe, expect, it } from 'vitest';

// scripts/vitest-on-node.mjs sets this to the major version of the Node.js binary that it
// started vitest with. A plain `vitest run` leaves it unset and runs on the `node` in PATH.
const expectedMajor = process.env.PULSE_EXPECTED_NODE_MAJOR;

describe('Node.js runtime', () => {
  it.skipIf(expectedMajor === undefined)(`is Node.js ${expectedMajor ?? '(any)'}`, () => {
    expect(process.versions.node.split('.')[0]).toBe(expectedMajor);
  });
});
