// Profiles createPulseClient and plain openapi-fetch in child runs under `node --cpu-prof`, and
// renders where each spends its time per request, by category and by function.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeCpuProfile } from './cpu-profile-by-package.mjs';
import { table } from './markdown.mjs';
import { runWorker } from './node-child.mjs';

const workerScript = fileURLToPath(new URL('../workers/overhead-profile.mjs', import.meta.url));
const profiledClients = ['createPulseClient', 'openapi-fetch'];
const WORKER_TIMEOUT_MS = 5 * 60_000;
const TOP_FRAMES = 8;

/**
 * Runs `requests` sequential requests against `url` with each profiled client in its own
 * child process under `--cpu-prof`, and returns the Markdown that compares the profiles.
 */
export async function profileClients({ url, rootDir, requests }) {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'pulse-bench-profile-'));
  try {
    const profiles = {};
    for (const client of profiledClients) {
      const profileDir = path.join(directory, client);
      await runWorker(workerScript, {
        args: [url, client, String(requests)],
        execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
        timeoutMs: WORKER_TIMEOUT_MS,
        label: `the ${client} profiling run`,
      });
      const [file] = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'));
      if (file === undefined) throw new Error(`node --cpu-prof wrote no profile to ${profileDir}.`);
      profiles[client] = summarizeCpuProfile(path.join(profileDir, file));
    }
    return renderProfiles(profiles, requests, rootDir);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function perRequest(ms, requests) {
  return `${((ms * 1000) / requests).toFixed(1)} µs`;
}

function renderProfiles(profiles, requests, rootDir) {
  const ours = profiles.createPulseClient;
  const theirs = profiles['openapi-fetch'];
  const categories = [
    ...new Set([...ours.categories, ...theirs.categories].map((c) => c.category)),
  ];
  const selfMs = (profile, category) =>
    profile.categories.find((entry) => entry.category === category)?.selfMs ?? 0;
  const categoryRows = categories.map((category) => [
    category,
    perRequest(selfMs(ours, category), requests),
    perRequest(selfMs(theirs, category), requests),
  ]);
  categoryRows.push([
    '**total sampled**',
    perRequest(ours.totalMs, requests),
    perRequest(theirs.totalMs, requests),
  ]);

  const frameRows = (profile, category) =>
    profile.frames
      .filter((frame) => frame.category === category)
      .slice(0, TOP_FRAMES)
      .map((frame) => [
        `\`${frame.functionName}\``,
        `${location(frame, rootDir)}`,
        perRequest(frame.selfMs, requests),
      ]);
  const overallRows = ours.frames
    .slice(0, TOP_FRAMES)
    .map((frame) => [
      `\`${frame.functionName}\``,
      location(frame, rootDir),
      frame.category,
      perRequest(frame.selfMs, requests),
    ]);

  return `
### Profile

Each client sent ${requests} sequential requests to the same server in a child process under
\`node --cpu-prof\`. Times are self time (the function itself, not what it calls) per
request, from one run each, so they are rough. The profiles include start-up.

${table(['Category', 'createPulseClient', 'openapi-fetch'], categoryRows)}

Top frames by self time in the createPulseClient run, all categories:

${table(['Function', 'Location', 'Category', 'Self time per request'], overallRows)}

Top frames in our code (\`packages/client/dist\`):

${table(['Function', 'Location', 'Self time per request'], frameRows(ours, 'createPulseClient'))}

Top frames in openapi-fetch, in the createPulseClient run and in the plain openapi-fetch run:

${table(['Function', 'Location', 'Self time per request'], frameRows(ours, 'openapi-fetch'))}

${table(['Function', 'Location', 'Self time per request'], frameRows(theirs, 'openapi-fetch'))}
`;
}

function location(frame, rootDir) {
  if (!frame.url.startsWith('file:')) return frame.url || '(native)';
  return `${path.relative(rootDir, fileURLToPath(frame.url))}:${frame.line}`;
}
