#!/usr/bin/env node
// Copies the version of the @pulse-engagement/spec package into `info.version` of
// spec/openapi.yaml. Changesets bumps the package version, and the document's version must
// follow, because the client reports it as `apiVersion` and the breaking-change check reads it.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * Returns `yamlText` with the `version` of its top-level `info` block set to `version`,
 * leaving every other line, comment and layout as it was.
 */
export function setInfoVersion(yamlText, version) {
  if (!semver.test(version)) {
    throw new Error(
      `Invalid version "${version}": expected a semantic version such as 1.2.0. ` +
        'Fix the "version" field of spec/package.json.',
    );
  }

  const lines = yamlText.split('\n');
  const infoStart = lines.findIndex((line) => /^info:\s*$/.test(line));
  if (infoStart === -1) {
    throw new Error('Missing top-level "info:" block in the OpenAPI document. Add one first.');
  }

  for (let index = infoStart + 1; index < lines.length; index += 1) {
    const line = lines[index];
    // A line that starts at column 0 begins the next top-level key, so the block has ended.
    if (/^\S/.test(line)) break;
    // Groups: key, optional quote, value, the same quote, and any trailing comment.
    const match = /^(\s+version:\s*)(['"]?)([^'"\s#]+)\2(\s*(?:#.*)?)$/.exec(line);
    if (match && line.search(/\S/) === lines[infoStart + 1].search(/\S/)) {
      const [, key, quote, current, comment] = match;
      if (isLower(version, current)) {
        throw new Error(
          `Invalid version "${version}": it is lower than info.version ${current} in the ` +
            'OpenAPI document. Versions only go up: give @pulse-engagement/spec a changeset with ' +
            'the bump you need, and leave info.version to npm run version-packages.',
        );
      }
      lines[index] = `${key}${quote}${version}${quote}${comment}`;
      return lines.join('\n');
    }
  }

  throw new Error(
    'Missing "version" in the "info" block of the OpenAPI document. Add "version: 1.0.0" there.',
  );
}

// Compares major, minor and patch as numbers, so 1.10.0 is above 1.9.0. Prerelease tags are
// not compared.
function isLower(version, current) {
  const parts = (text) => text.split(/[-+]/)[0].split('.').map(Number);
  const [next, previous] = [parts(version), parts(current)];
  for (let index = 0; index < 3; index += 1) {
    if (next[index] !== previous[index]) return next[index] < previous[index];
  }
  return false;
}

async function main() {
  const rootDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const packagePath = path.join(rootDir, 'spec', 'package.json');
  const documentPath = path.join(rootDir, 'spec', 'openapi.yaml');

  const { version } = JSON.parse(await readFile(packagePath, 'utf8'));
  const before = await readFile(documentPath, 'utf8');
  const after = setInfoVersion(before, version);

  if (after === before) {
    process.stdout.write(`spec/openapi.yaml already has info.version ${version}.\n`);
    return;
  }
  await writeFile(documentPath, after);
  process.stdout.write(`Set info.version in spec/openapi.yaml to ${version}.\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
