import { EventEmitter } from 'node:events';

/**
 * Small messages between the parts of the product that must react at once to something
 * another request did (a saved call outcome → live progress screens). In one process an
 * EventEmitter carries them; on PostgreSQL, LISTEN/NOTIFY carries them across processes
 * (see pg-bus.ts). Messages are hints ("campaign X changed"), never data: a listener reads
 * the database itself, so a lost message only delays a screen.
 */
export interface EventBus {
  publish(topic: string, message: string): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(topic: string, listener: (message: string) => void): () => void;
  close(): Promise<void>;
}

/** The bus for one process (SQLite, tests, the CLI). */
export function createLocalBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(topic, message) {
      emitter.emit(topic, message);
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener);
      return () => emitter.off(topic, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
