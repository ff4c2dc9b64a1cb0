// A tiny listener set, and the report-once rule for host problems, shared by the transports.

/**
 * @template T
 * @returns {{ add(listener: (value: T) => void): () => void, emit(value: T): void }}
 */
export function listenerSet() {
  /** @type {Set<(value: T) => void>} */
  const listeners = new Set();
  return {
    add(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          // One broken listener must not stop the others.
          console.warn('glance host listener threw', error);
        }
      }
    },
  };
}

/**
 * Reports a failing host method once: a console warning and one `onProblem` event per method.
 * @param {{ console?: Pick<Console, 'warn'> }} env
 * @param {{ emit(problem: import('./host').HostProblem): void }} problems
 * @returns {(method: string, error: unknown) => void}
 */
export function reportOnce(env, problems) {
  /** @type {Set<string>} */
  const reported = new Set();
  return (method, error) => {
    if (reported.has(method)) return;
    reported.add(method);
    const message = error instanceof Error ? error.message : String(error);
    env.console?.warn(`glance host: ${method} failed, using the fallback: ${message}`);
    problems.emit({ method, message });
  };
}
