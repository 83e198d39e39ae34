// Summarizes a V8 CPU profile, the `.cpuprofile` file that `node --cpu-prof` writes, by self
// time. Self time is the time sampled while a function itself was running, without the
// functions it called.
import { readFileSync } from 'node:fs';

/**
 * Returns the category of a profile frame, from the script URL that V8 records: our client,
 * openapi-fetch, undici (Node's fetch), other Node internals, the garbage collector, or other.
 */
export function categorizeFrame({ functionName, url }) {
  if (url.includes('/packages/client/dist/')) return 'createPulseClient';
  if (url.includes('/node_modules/openapi-fetch/')) return 'openapi-fetch';
  if (url.includes('undici')) return 'undici (fetch)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)' || functionName === '(program)') return 'idle or VM';
  if (url.startsWith('node:') || url === '') return 'Node internals';
  return 'other';
}

/**
 * Reads a `.cpuprofile` file and returns its total sampled time, the self time per category
 * and per frame (function, script and line), all in ms and sorted by self time.
 */
export function summarizeCpuProfile(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const frames = new Map();
  let totalMicros = 0;

  // Each delta is the time since the previous sample, so sample i ran for timeDeltas[i + 1] µs.
  for (let i = 0; i < profile.samples.length; i++) {
    const micros = profile.timeDeltas[i + 1] ?? 0;
    const { callFrame } = nodesById.get(profile.samples[i]);
    const key = `${callFrame.functionName}\u0000${callFrame.url}\u0000${callFrame.lineNumber}`;
    let frame = frames.get(key);
    if (frame === undefined) {
      frame = {
        functionName: callFrame.functionName || '(anonymous)',
        url: callFrame.url,
        // V8 counts lines from 0.
        line: callFrame.lineNumber + 1,
        category: categorizeFrame(callFrame),
        selfMicros: 0,
      };
      frames.set(key, frame);
    }
    frame.selfMicros += micros;
    totalMicros += micros;
  }

  const categories = new Map();
  for (const frame of frames.values()) {
    categories.set(frame.category, (categories.get(frame.category) ?? 0) + frame.selfMicros);
  }
  return {
    totalMs: totalMicros / 1000,
    categories: [...categories]
      .map(([category, micros]) => ({ category, selfMs: micros / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs),
    frames: [...frames.values()]
      .map(({ selfMicros, ...frame }) => ({ ...frame, selfMs: selfMicros / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs),
  };
}
