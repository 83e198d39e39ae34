/** A two-package npm workspace for running turbo where it cannot touch the repository. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Script of a task that writes one file to dist/, as a build would. */
const writeDist = (file) =>
  `node -e "require('fs').mkdirSync('dist',{recursive:true});` +
  `require('fs').writeFileSync('dist/${file}','{}')"`;

/**
 * Writes a workspace to `dir` with the shape of the repository's build: `spec#bundle` writes
 * `dist/`, and `client#build` depends on it. Its root script `build` runs `turbo run build`
 * through `turboLauncher`, because the workspace has no node_modules. Task inputs are listed,
 * because outside a Git repository turbo would hash every file, outputs included.
 */
export async function createTurboFixture(dir, turboLauncher) {
  const files = {
    'package.json': {
      name: 'bench-fixture',
      private: true,
      packageManager: 'npm@10.9.0',
      workspaces: ['packages/*'],
      scripts: { build: `node ${JSON.stringify(turboLauncher)} run build` },
    },
    'package-lock.json': {
      name: 'bench-fixture',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'bench-fixture', workspaces: ['packages/*'] },
        'node_modules/client': { resolved: 'packages/client', link: true },
        'node_modules/spec': { resolved: 'packages/spec', link: true },
        'packages/client': { name: 'client', version: '1.0.0', dependencies: { spec: '1.0.0' } },
        'packages/spec': { name: 'spec', version: '1.0.0' },
      },
    },
    'turbo.json': {
      tasks: {
        bundle: { inputs: ['package.json'], outputs: ['dist/**'] },
        build: { dependsOn: ['^build', '^bundle'], inputs: ['package.json'], outputs: ['dist/**'] },
      },
    },
    'packages/spec/package.json': {
      name: 'spec',
      version: '1.0.0',
      scripts: { bundle: writeDist('openapi.json') },
    },
    'packages/client/package.json': {
      name: 'client',
      version: '1.0.0',
      dependencies: { spec: '1.0.0' },
      scripts: { build: writeDist('index.js') },
    },
  };
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${JSON.stringify(content, null, 2)}\n`);
  }
}
