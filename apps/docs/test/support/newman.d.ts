// Types for the part of newman 6's library API that the Postman test uses. newman ships no
// types, and @types/newman is not a dependency of this repository.
declare module 'newman' {
  /** Options of newman.run. newman's README lists the others. */
  export interface NewmanRunOptions {
    /** A collection object or the path of a collection file. */
    collection: object | string;
    /** An environment object or the path of an environment file. */
    environment?: object | string;
    /** Reporter names. An empty array prints nothing. */
    reporters?: string | string[];
    /** Time limit of the whole run in ms. */
    timeout?: number;
    /** Time limit of each request in ms. */
    timeoutRequest?: number;
  }

  /** Totals of one kind of run step. */
  export interface NewmanRunStat {
    total: number;
    pending: number;
    failed: number;
  }

  /** One failed assertion, script or request. */
  export interface NewmanRunFailure {
    error: { name: string; message: string; test?: string };
    source?: { name?: string };
  }

  /** The summary that newman.run passes to its callback. */
  export interface NewmanRunSummary {
    run: {
      stats: Record<'requests' | 'assertions' | 'items' | 'testScripts', NewmanRunStat>;
      failures: NewmanRunFailure[];
    };
  }

  /** Runs a collection and calls back once with an error or the run's summary. */
  export function run(
    options: NewmanRunOptions,
    callback: (error: Error | null, summary: NewmanRunSummary) => void,
  ): unknown;

  const newman: { run: typeof run };
  export default newman;
}
