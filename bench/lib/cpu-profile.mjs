/**
 * Summaries of V8 CPU profiles, as `node --cpu-prof` writes them and the inspector's
 * `Profiler.stop` returns them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Counts the samples in which each function, and each package, was on top of the stack (self
 * samples), and the samples in which each function of the repository's own code was anywhere
 * on the stack (inclusive samples). Returns the `top` of each, largest first, with their share
 * of the busy samples. Each sample counts once: the time between samples is not used, because a
 * sample that follows an idle gap would get the whole gap. Idle samples are left out. Paths are
 * shown relative to `rootDir`.
 */
export function summarizeCpuProfile(profile, { rootDir, top = 10 }) {
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentIds = new Map();
  for (const node of profile.nodes) {
    for (const childId of node.children ?? []) parentIds.set(childId, node.id);
  }

  const byFunction = new Map();
  const byPackage = new Map();
  const byOwnFunction = new Map();
  const add = (totals, key) => totals.set(key, (totals.get(key) ?? 0) + 1);
  let busySamples = 0;
  for (const id of profile.samples) {
    const { callFrame } = nodesById.get(id);
    if (callFrame.functionName === '(idle)') continue;
    busySamples += 1;
    add(byFunction, describeFunction(callFrame, rootDir));
    add(byPackage, describeOwner(callFrame, rootDir));

    // A recursive function counts once per sample.
    const onStack = new Set();
    for (let nodeId = id; nodeId !== undefined; nodeId = parentIds.get(nodeId)) {
      const frame = nodesById.get(nodeId).callFrame;
      if (isOwnCode(frame, rootDir)) onStack.add(describeFunction(frame, rootDir));
    }
    for (const key of onStack) add(byOwnFunction, key);
  }

  const rank = (totals) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, samples: count, share: count / busySamples }));
  return {
    busySamples,
    functions: rank(byFunction),
    packages: rank(byPackage),
    ownFunctions: rank(byOwnFunction),
  };
}

function describeFunction(callFrame, rootDir) {
  const name = callFrame.functionName || '(anonymous)';
  const location = describeLocation(callFrame, rootDir);
  return location ? `${name} (${location})` : name;
}

/** Tells whether a frame runs a file of the repository outside node_modules. */
function isOwnCode(callFrame, rootDir) {
  if (!callFrame.url.startsWith('file:')) return false;
  const file = relativePath(callFrame.url, rootDir);
  return !file.startsWith('..') && !file.split('/').includes('node_modules');
}

function describeLocation(callFrame, rootDir) {
  if (!callFrame.url) return '';
  return `${relativePath(callFrame.url, rootDir)}:${callFrame.lineNumber + 1}`;
}

/**
 * Names what a function belongs to: its npm package, `node:internal` for Node.js's own code, a
 * workspace folder such as `packages/mock`, `(native code)` for built-ins without a script, or
 * V8's pseudo-functions such as `(garbage collector)`.
 */
function describeOwner(callFrame, rootDir) {
  const { url, functionName } = callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native code)';
  if (url.startsWith('node:')) return 'node:internal';
  const file = relativePath(url, rootDir);
  // The greedy prefix takes the innermost node_modules, so a nested dependency names itself.
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match) return match[1];
  return file.split('/').slice(0, 2).join('/');
}

function relativePath(url, rootDir) {
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  return path.isAbsolute(file) ? path.relative(rootDir, file) : file;
}
