import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from './args.js';

/**
 * Reads the seed data file of stateful mode: JSON, or YAML for `.yaml` and `.yml`. Throws
 * UsageError naming the file when it cannot be read or parsed, or contains no object or array.
 */
export async function readSeedData(path: string): Promise<object> {
  const isYaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  let data: unknown;
  try {
    const text = await readFile(path, 'utf8');
    data = isYaml ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `Invalid --seed-data file ${path}: failed to read it as ${isYaml ? 'YAML' : 'JSON'} (${reason}). Fix the file, or name YAML files .yaml or .yml.`,
    );
  }
  if (typeof data !== 'object' || data === null) {
    throw new UsageError(
      `Invalid --seed-data file ${path}: it contains ${data === null ? 'null' : `a ${typeof data}`}, but seed data must be an object or an array of records.`,
    );
  }
  return data;
}
