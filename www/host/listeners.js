// A tiny listener set shared by the transports.

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
