#!/usr/bin/env node
// Measures what the client's declaration files cost a consumer's `tsc` with skipLibCheck on and
// off. It type-checks a file with one call through the built package (dist/), and a file
// without the import for the cost of the lib files alone. Build the client first, then run it
// from the repository root:
//   npm run build -w @pulse-engagement/client
//   node packages/client/bench/skip-lib-check.mjs [runs, default 3]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const tsc = resolve(packageDir, '../../node_modules/typescript/bin/tsc');

const sources = {
  'lib files only': 'export const nothing = 1;\n',
  'one call through the client': `import { createPulseClient } from '@pulse-engagement/client';
const pulse = createPulseClient({ accountId: 'a', apiToken: 'b', baseUrl: 'http://127.0.0.1:4010' });
export const contact = pulse.GET('/contacts/{id}', { params: { path: { id: 1 } } });
`,
};

function measure(directory, skipLibCheck) {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck,
      types: [],
    },
    files: ['main.ts'],
  };
  writeFileSync(join(directory, 'tsconfig.json'), JSON.stringify(tsconfig));
  const output = execFileSync(process.execPath, [tsc, '-p', directory, '--extendedDiagnostics'], {
    encoding: 'utf8',
  });
  const read = (label) => Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(output)?.[1]);
  return { checkSeconds: read('Check time'), instantiations: read('Instantiations') };
}

if (!existsSync(join(packageDir, 'dist/index.d.ts'))) {
  console.error('dist/index.d.ts is missing: run `npm run build -w @pulse-engagement/client`.');
  process.exit(1);
}

const directory = mkdtempSync(join(packageDir, 'bench/.tmp-'));
try {
  // A consumer's node_modules with the package linked in, as npm installs a workspace.
  mkdirSync(join(directory, 'node_modules/@pulse-engagement'), { recursive: true });
  symlinkSync(packageDir, join(directory, 'node_modules/@pulse-engagement/client'), 'dir');
  writeFileSync(join(directory, 'package.json'), '{ "type": "module" }\n');

  console.log(`best check time of ${runs} runs`);
  for (const [name, source] of Object.entries(sources)) {
    writeFileSync(join(directory, 'main.ts'), source);
    for (const skipLibCheck of [true, false]) {
      const results = Array.from({ length: runs }, () => measure(directory, skipLibCheck));
      const best = Math.min(...results.map((result) => result.checkSeconds));
      const label = `${name}, skipLibCheck ${skipLibCheck}`;
      console.log(
        `${label.padEnd(48)} check ${best.toFixed(2)} s, ${results[0].instantiations} instantiations`,
      );
    }
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
