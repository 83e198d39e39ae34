// Pending changesets that raise the major version of the spec package. A pull request that
// breaks the API on purpose adds one, and the release flow then raises info.version from it.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Returns the file names of the changesets in `directory` whose front matter gives
 * `packageName` a `major` bump, such as `"@pulse-engagement/spec": major`. An undefined or
 * missing directory means no pending changesets.
 */
export async function findPendingMajorChangesets(directory, packageName) {
  if (directory === undefined) return [];

  let files;
  try {
    files = await readdir(directory);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }

  const found = [];
  for (const file of files.filter((name) => name.endsWith('.md')).sort()) {
    const text = await readFile(join(directory, file), 'utf8');
    if (bumpOf(text, packageName) === 'major') found.push(file);
  }
  return found;
}

// The front matter is the YAML between the first two `---` lines. README.md has none.
function bumpOf(text, packageName) {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontMatter === null) return undefined;

  for (const line of frontMatter[1].split(/\r?\n/)) {
    const entry = /^\s*(['"]?)([^'":]+)\1\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (entry !== null && entry[2] === packageName) return entry[3];
  }
  return undefined;
}
