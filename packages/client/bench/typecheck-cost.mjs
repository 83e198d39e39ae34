#!/usr/bin/env node
// Measures how much the client's types cost `tsc`: it writes one file per calling style, each
// with the same calls, type-checks each file alone with --extendedDiagnostics, and prints the
// check time and type instantiations. Run it from the repository root after `npm ci`:
//   node packages/client/bench/typecheck-cost.mjs [calls per file, default 40] [runs, default 3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const calls = Number(process.argv[2] ?? 40);
const runs = Number(process.argv[3] ?? 3);
const tsc = resolve(packageDir, '../../node_modules/typescript/bin/tsc');

const header = (directory) => {
  const source = relative(directory, join(packageDir, 'src/index.js')).replaceAll('\\', '/');
  return `import type { PulseClient, components } from '${source}';\n`;
};

// Each style makes `calls` rounds of the same four requests: a list with fields[] and sort[],
// a create, an update and a form submission. The first style makes none, which gives the cost
// of loading the lib files and the client's declarations.
const styles = {
  'no calls (fixed cost of the imports)': () => '',
  'hand-written fetch': (i) => `
  {
    const list = (await (await fetch(base + '/contacts?fields[]=firstName&sort[]=lastName:ASC')).json()) as components['schemas']['ContactList'];
    const created = (await (await fetch(base + '/contacts', { method: 'POST', body: JSON.stringify({ source: ${i} } satisfies components['schemas']['ContactCreate']) })).json()) as components['schemas']['Contact'];
    await fetch(base + '/contacts/' + created.id, { method: 'PUT', body: JSON.stringify({ lastName: 'R' } satisfies components['schemas']['ContactInput']) });
    const outcome = (await (await fetch(base + '/forms/u/submit', { method: 'POST', body: JSON.stringify({ emailAddress: 'a@b.c' } satisfies components['schemas']['FormSubmission']) })).json()) as components['schemas']['FormSubmissionResult'];
    void [list.items[0]?.firstName, outcome.contactId];
  }`,
  'raw client (openapi-fetch)': (i) => `
  {
    const list = await pulse.raw.GET('/contacts', { params: { query: { 'fields[]': ['firstName'], 'sort[]': ['lastName:ASC'] } } });
    const created = await pulse.raw.POST('/contacts', { body: { source: ${i} } });
    await pulse.raw.PUT('/contacts/{id}', { params: { path: { id: created.data?.id ?? 0 } }, body: { lastName: 'R' } });
    const outcome = await pulse.raw.POST('/forms/{uuid}/submit', { params: { path: { uuid: 'u' } }, body: { emailAddress: 'a@b.c' } });
    void [list.data?.items[0]?.firstName, outcome.data?.contactId];
  }`,
  'throwing client': (i) => `
  {
    const list = await pulse.GET('/contacts', { params: { query: { 'fields[]': ['firstName'], 'sort[]': ['lastName:ASC'] } } });
    const created = await pulse.POST('/contacts', { body: { source: ${i} } });
    await pulse.PUT('/contacts/{id}', { params: { path: { id: created.data.id } }, body: { lastName: 'R' } });
    const outcome = await pulse.submitForm('u', { emailAddress: 'a@b.c' });
    void [list.data.items[0]?.firstName, outcome.contactId];
  }`,
  'throwing client, typed custom fields': (i) => `
  {
    const list = await custom.GET('/contacts', { params: { query: { 'fields[]': ['firstName', 'customFields'], 'sort[]': ['lastName:ASC'] } } });
    const created = await custom.POST('/contacts', { body: { source: ${i}, customFields: { language: 'es' } } });
    await custom.PUT('/contacts/{id}', { params: { path: { id: created.data.id } }, body: { lastName: 'R' } });
    const outcome = await custom.submitForm('u', { emailAddress: 'a@b.c' });
    void [list.data.items[0]?.customFields?.language, outcome.contactId];
  }`,
};

function writeStyle(directory, name, call) {
  const body = Array.from({ length: calls }, (_, i) => call(i)).join('\n');
  const file = join(directory, `${name.replace(/\W+/g, '-')}.ts`);
  writeFileSync(
    file,
    `${header(directory)}
declare const pulse: PulseClient;
declare const custom: PulseClient<{ language?: string; visits?: number }>;
declare const base: string;
export async function run(): Promise<void> {${body}
}
`,
  );
  return file;
}

function measure(file) {
  const output = execFileSync(
    process.execPath,
    [
      tsc,
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--target',
      'ES2022',
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--lib',
      'ES2023,DOM',
      '--types',
      'node',
      '--extendedDiagnostics',
      file,
    ],
    { encoding: 'utf8' },
  );
  const read = (label) => Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(output)?.[1]);
  return { checkSeconds: read('Check time'), instantiations: read('Instantiations') };
}

const directory = mkdtempSync(join(packageDir, 'bench/.tmp-'));
try {
  console.log(`${calls} rounds of 4 calls per file, best check time of ${runs} runs`);
  for (const [name, call] of Object.entries(styles)) {
    const file = writeStyle(directory, name, call);
    const results = Array.from({ length: runs }, () => measure(file));
    const best = Math.min(...results.map((result) => result.checkSeconds));
    console.log(
      `${name.padEnd(38)} check ${best.toFixed(2)} s, ${results[0].instantiations} instantiations`,
    );
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
