// Checks the file list of a packed package: a README, no tests, and no source map that
// points to a file the package does not contain.
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';

// Test folders, test files and test runner configs, as npm pack lists them (relative paths).
const testFilePattern =
  /(^|\/)(test|tests|__tests__|__mocks__)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)vitest\.config\./;
const codeFilePattern = /\.([cm]?js|d\.[cm]?ts)$/;
// The last sourceMappingURL comment of a file is the one that tools follow.
const sourceMappingUrlPattern = /\/\/[#@] sourceMappingURL=(\S+)\s*$/;
// A source such as `webpack://app/src/index.ts` names no file of the package.
const urlSchemePattern = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Lists what is wrong with the files of the package unpacked at `packageDir`, whose relative
 * paths are `files`. `label` names the package in the messages.
 */
export async function checkPackedFiles(label, packageDir, files) {
  const errors = [];
  const packed = new Set(files);

  if (!packed.has('README.md')) {
    errors.push(`${label} packs no README.md. Add one to the package folder.`);
  }

  const tests = files.filter((file) => testFilePattern.test(file));
  if (tests.length > 0) {
    errors.push(
      `${label} packs test files (${tests.slice(0, 5).join(', ')}` +
        `${tests.length > 5 ? `, and ${tests.length - 5} more` : ''}). ` +
        'Narrow "files" in its package.json so that only the build output is published.',
    );
  }

  for (const file of files) {
    if (codeFilePattern.test(file)) {
      errors.push(...(await checkSourceMappingUrl(label, packageDir, file, packed)));
    } else if (file.endsWith('.map')) {
      errors.push(...(await checkSourceMap(label, packageDir, file, packed)));
    }
  }
  return errors;
}

async function checkSourceMappingUrl(label, packageDir, file, packed) {
  const text = await readFile(posix.join(packageDir, file), 'utf8');
  const match = sourceMappingUrlPattern.exec(text);
  if (match === null || match[1].startsWith('data:')) return [];

  const target = posix.join(posix.dirname(file), decodeURIComponent(match[1]));
  if (packed.has(target)) return [];
  return [
    `${label}: ${file} points to the source map ${target}, which is not in the package. ` +
      'Ship the map (add it to "files"), or turn sourceMap and declarationMap off in the ' +
      'build tsconfig.',
  ];
}

async function checkSourceMap(label, packageDir, file, packed) {
  let map;
  try {
    map = JSON.parse(await readFile(posix.join(packageDir, file), 'utf8'));
  } catch (error) {
    return [`${label}: ${file} is not a valid source map (${error.message}). Rebuild it.`];
  }

  const missing = [];
  for (const [index, source] of (map.sources ?? []).entries()) {
    // A source whose content the map embeds needs no file.
    if (typeof map.sourcesContent?.[index] === 'string' || urlSchemePattern.test(source)) {
      continue;
    }
    const path = posix.join(posix.dirname(file), map.sourceRoot ?? '', source);
    if (!packed.has(path)) missing.push(path);
  }
  if (missing.length === 0) return [];
  return [
    `${label}: the source map ${file} names sources that are not in the package ` +
      `(${missing.join(', ')}). Ship them (add them to "files"), set inlineSources in the ` +
      'build tsconfig, or turn source maps off.',
  ];
}
