// Type-check cost of the client for a consumer's `tsc --noEmit`. A project that calls thirty
// operations with createPulseClient is compared with the same project calling `fetch` with
// interfaces written by hand. A run with `--generateTrace` shows which calls and which types
// take the time, and a second table compares calling styles per call.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { plural, table } from '../lib/markdown.mjs';
import { formatRatio, median } from '../lib/stats.mjs';
import { measureTypecheck, writeConsumerProject } from '../lib/typecheck-cost.mjs';
import {
  callingStyleSource,
  callingStyles,
  consumers,
  operations,
} from '../lib/typecheck-consumers.mjs';
import { checkTimeByRange, generateTrace, typesByDeclaration } from '../lib/typecheck-trace.mjs';

export const name = 'typecheck';
export const title = 'Type-check cost';

const TARGET_RATIO = 1.5;
// Every `tsc` run costs seconds of CPU time, so quick mode only compiles the calling-style
// files, together in one run, to prove that they still compile.
const settings = {
  full: { runs: 5, styleRounds: 40, styleRuns: 3 },
  quick: { runs: 1, styleRounds: 1, styleRuns: 0 },
};
// Checked between runs: a suite that passes it stops measuring and fails.
const MAX_DURATION_MS = { full: 20 * 60_000, quick: 2 * 60_000 };
const TOP_ENTRIES = 8;
const typescriptVersion = createRequire(import.meta.url)('typescript/package.json').version;

export async function run({ quick, log, rootDir }) {
  const mode = quick ? 'quick' : 'full';
  const config = settings[mode];
  const declarations = path.join(rootDir, 'packages/client/dist/index.d.ts');
  if (!existsSync(declarations)) {
    throw new Error(`${declarations} is missing. Run \`npm run build\` first.`);
  }
  const deadline = Date.now() + MAX_DURATION_MS[mode];

  // Inside the repository, so that the consumers resolve @pulse-engagement/client.
  await mkdir(path.join(rootDir, 'bench/out'), { recursive: true });
  const directory = await mkdtemp(path.join(rootDir, 'bench/out/typecheck-'));
  try {
    const projects = {};
    for (const [id, consumer] of Object.entries(consumers)) {
      projects[id] = await createProject(directory, id, { 'main.ts': consumer.source });
    }
    log(
      `type-checking ${Object.keys(projects).length} consumers ${plural(config.runs, 'time')} each`,
    );
    const results = summarize(await measureRuns(projects, config.runs, deadline));
    const ratio = results.client.wallMs / results.fetch.wallMs;
    const met = ratio <= TARGET_RATIO;

    const styleFiles = {};
    for (const { id } of callingStyles) {
      for (const rounds of [config.styleRounds, 2 * config.styleRounds]) {
        styleFiles[`${id}-${rounds}.ts`] = callingStyleSource(id, rounds);
      }
    }
    const tracing = () => {
      log('tracing the createPulseClient consumer');
      return describeTrace(projects.client, path.join(directory, 'trace'), rootDir);
    };

    let trace;
    let styles;
    if (config.styleRuns === 0) {
      // Both at once, because quick mode only proves that they work.
      log('compiling the calling-style files together once');
      const stylesProject = await createProject(directory, 'styles', styleFiles);
      [trace] = await Promise.all([tracing(), measureTypecheck(stylesProject)]);
    } else {
      trace = await tracing();
      const styleProjects = {};
      for (const [file, source] of Object.entries(styleFiles)) {
        const id = path.basename(file, '.ts');
        styleProjects[id] = await createProject(directory, id, { 'main.ts': source });
      }
      log(`type-checking ${callingStyles.length} calling styles at two sizes`);
      styles = summarize(await measureRuns(styleProjects, config.styleRuns, deadline));
    }

    return {
      markdown: describe({ results, styles, config, ratio, met, trace }),
      summary: `${operations.length} operations: createPulseClient ${formatRatio(ratio)} the wall time of hand-written fetch (${seconds(results.client.wallMs)} vs ${seconds(results.fetch.wallMs)})`,
      target: { goal: `at most ${formatRatio(TARGET_RATIO)} hand-written fetch`, met },
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function createProject(directory, id, files) {
  const projectDir = path.join(directory, id);
  await mkdir(projectDir);
  await writeConsumerProject(projectDir, files);
  return projectDir;
}

/**
 * Type-checks every project `runs` times, one run of each in turn, rotating the order each
 * time. Returns the measurements per project id.
 */
async function measureRuns(projects, runs, deadline) {
  const ids = Object.keys(projects);
  const measurements = Object.fromEntries(ids.map((id) => [id, []]));
  for (let run = 0; run < runs; run++) {
    for (const id of ids.map((_, i) => ids[(i + run) % ids.length])) {
      if (Date.now() > deadline) {
        throw new Error(`The type-check benchmark passed its time limit in run ${run + 1}.`);
      }
      measurements[id].push(await measureTypecheck(projects[id]));
    }
  }
  return measurements;
}

/** Returns the median of each measurement per project id. */
function summarize(measurements) {
  const summary = {};
  for (const [id, runs] of Object.entries(measurements)) {
    summary[id] = {
      wallMs: median(runs.map((run) => run.wallMs)),
      checkSeconds: median(runs.map((run) => run.checkSeconds)),
      instantiations: median(runs.map((run) => run.instantiations)),
      memoryKiB: median(runs.map((run) => run.memoryKiB)),
    };
  }
  return summary;
}

/**
 * Traces one check of the createPulseClient consumer and renders the check time per operation
 * and the declarations whose types the checker created most often.
 */
async function describeTrace(projectDir, traceDir, rootDir) {
  await generateTrace(projectDir, traceDir);
  const source = consumers.client.source;
  const ranges = operations.map(({ id, client }) => {
    const start = source.indexOf(client);
    return { id, start, end: start + client.length };
  });
  const byOperation = await checkTimeByRange(traceDir, path.join(projectDir, 'main.ts'), ranges);
  const sorted = [...byOperation].sort((a, b) => b[1] - a[1]);
  const tracedMs = sorted.reduce((sum, [, ms]) => sum + ms, 0);
  const operationRows = sorted
    .slice(0, TOP_ENTRIES)
    .map(([id, ms]) => [`\`${id}\``, `${ms.toFixed(0)} ms`]);
  const types = await typesByDeclaration(traceDir, rootDir, TOP_ENTRIES);
  const consumerFile = path.relative(rootDir, path.join(projectDir, 'main.ts'));
  const typeRows = types.top.map(({ name, file, count }) => [
    `\`${name}\``,
    file === consumerFile ? "the consumer's `main.ts`" : `\`${file}\``,
    count.toLocaleString('en-US'),
  ]);
  return `
### Where the check time goes

One more check of the createPulseClient consumer with \`tsc --generateTrace\`, which slows
\`tsc\` down, so the times are larger than above and only their shares matter. The trace puts
${tracedMs.toFixed(0)} ms of checking inside the ${operations.length} calls, spread over all of
them. The first call also pays for instantiating the client's generic call types once. The
most expensive calls:

${table(['Operation', 'Traced check time'], operationRows)}

The checker created ${types.total.toLocaleString('en-US')} types. The declarations with the most,
type parameters left out:

${table(['Type', 'Declared in', 'Types created'], typeRows)}
`;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mebibytes(kibibytes) {
  return `${(kibibytes / 1024).toFixed(0)} MiB`;
}

function count(value) {
  return value.toLocaleString('en-US');
}

function describeConsumers(results, ratio) {
  const { fetch, client } = results;
  const rows = Object.entries(consumers).map(([id, { label }]) => [
    label,
    seconds(results[id].wallMs),
    `${results[id].checkSeconds.toFixed(2)} s`,
    count(results[id].instantiations),
    mebibytes(results[id].memoryKiB),
  ]);
  rows.push([
    '**Ratio, createPulseClient to fetch**',
    formatRatio(ratio),
    formatRatio(client.checkSeconds / fetch.checkSeconds),
    formatRatio(client.instantiations / Math.max(1, fetch.instantiations)),
    formatRatio(client.memoryKiB / fetch.memoryKiB),
  ]);
  return table(['Consumer', 'Wall time', 'Check time', 'Instantiations', 'Memory used'], rows);
}

function describeStyles(styles, { styleRounds: rounds, styleRuns }) {
  if (styles === undefined) {
    return 'Quick mode: the calling-style files were only compiled, together in one run.';
  }
  const marginalCalls = 4 * rounds;
  const rows = callingStyles.map(({ id, label }) => {
    const single = styles[`${id}-${rounds}`];
    const double = styles[`${id}-${2 * rounds}`];
    return [
      label,
      `${single.checkSeconds.toFixed(2)} s`,
      count(single.instantiations),
      count(double.instantiations),
      ((double.instantiations - single.instantiations) / marginalCalls).toFixed(0),
    ];
  });
  const header = [
    'Style',
    `Check time, ${rounds} rounds`,
    `Instantiations, ${rounds} rounds`,
    `Instantiations, ${2 * rounds} rounds`,
    'Per additional call',
  ];
  return `Each file makes rounds of the same four calls: a list with \`fields[]\` and \`sort[]\`, a
create, an update and a form submission. Each style is checked with ${rounds} and with
${2 * rounds} rounds, ${styleRuns} times each, with the same options, and the table gives the
medians. The last column is the difference in instantiations divided by the ${marginalCalls}
calls added, which leaves out what the first call of each kind instantiates once.

${table(header, rows)}`;
}

function describe({ results, styles, config, ratio, met, trace }) {
  const { client, clientImportOnly } = results;
  const verdict = met
    ? `met: ${formatRatio(ratio)}.`
    : `**missed** by ${((ratio / TARGET_RATIO - 1) * 100).toFixed(0)} %: ${formatRatio(ratio)}.`;
  const callSeconds = client.checkSeconds - clientImportOnly.checkSeconds;
  const options = { strict: true, skipLibCheck: true, lib: ['ES2023', 'DOM'], module: 'NodeNext' };
  return `
TypeScript ${typescriptVersion} type-checks one consumer file, \`main.ts\`, with \`tsc -p\` and
\`--extendedDiagnostics\`, in a child process per run. The consumer calls ${operations.length}
operations (${operations.map((operation) => `\`${operation.id}\``).join(', ')}). Both versions
send the same bodies and read the same fields of each result:

- **Hand-written \`fetch\` and interfaces**: a typed \`send<Result>()\` wrapper around
  \`fetch\`, and an interface per resource and request body with the fields it uses, as a
  project without the client would write. Bodies are checked with \`satisfies\`.
- **createPulseClient**: the same calls through our client, imported as
  \`@pulse-engagement/client\` from its built declarations.
- **createPulseClient, no calls**: the import and \`createPulseClient()\` only, the fixed cost of
  loading the client's declarations.

Compiler options: \`${JSON.stringify(options)}\`. The wall time is that of the whole \`tsc\`
process, start-up included. Check time, instantiations and memory are \`tsc\`'s own figures.
Each consumer was checked ${plural(config.runs, 'time')}, interleaved with the others, and the table gives
the medians. Instantiation counts do not depend on the machine.

${describeConsumers(results, ratio)}

Target: createPulseClient at most ${formatRatio(TARGET_RATIO)} the wall time of hand-written
fetch, ${verdict} The calls take ${callSeconds.toFixed(2)} s of the client's
${client.checkSeconds.toFixed(2)} s check time, and loading its declarations takes the rest.
${trace}
### Per call, by calling style

${describeStyles(styles, config)}
`;
}
