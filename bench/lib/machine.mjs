import os from 'node:os';

/**
 * Describes the machine a run happened on, because absolute numbers only mean something next
 * to the hardware and the load that produced them.
 */
export function describeMachine() {
  const cpus = os.cpus();
  const [load1, load5] = os.loadavg();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    load: `${load1.toFixed(2)} (1 min), ${load5.toFixed(2)} (5 min)`,
  };
}
