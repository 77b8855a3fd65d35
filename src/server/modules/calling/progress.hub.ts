import type { CampaignProgress } from '../../../contracts/calling-progress.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import type { EventBus } from '../../events/bus.js';
import type { Principal } from '../../plugins/access.js';
import { loadFullProgress, PROGRESS_TOPIC, viewFor } from './progress.service.js';

/** One open live screen: who is watching, and how to hand them new numbers. */
export interface ProgressListener {
  principal: Principal;
  send(progress: CampaignProgress): void;
  /** The process is stopping: end the stream. */
  end(): void;
}

export interface ProgressHubOptions {
  db: Db;
  clock: Clock;
  events: EventBus;
  /** At most one recompute per campaign per this many ms, however many messages arrive. */
  coalesceMs?: number;
  /** A short wait after the first message of a quiet spell, so a burst becomes one read. */
  settleMs?: number;
  /** Re-read this often anyway: messages are hints, and one may have been lost. */
  refreshMs?: number;
  onError?(error: unknown): void;
}

interface Channel {
  listeners: Set<ProgressListener>;
  timer: NodeJS.Timeout | null;
  refresh: NodeJS.Timeout;
  running: boolean;
  dirty: boolean;
  lastRunAt: number;
}

export interface ProgressHub {
  /** Starts sending the campaign's progress to the listener; returns the function that stops it. */
  add(campaignId: string, listener: ProgressListener): () => void;
  /** How many times progress was read since start (for tests of the coalescing). */
  readonly recomputes: number;
  close(): void;
}

/**
 * Live progress for every screen in this process: one read per campaign, shared by all its
 * listeners and coalesced across bursts of 'campaign-progress' messages, then cut per viewer.
 */
export function createProgressHub(options: ProgressHubOptions): ProgressHub {
  const coalesceMs = options.coalesceMs ?? 300;
  const settleMs = options.settleMs ?? 50;
  const refreshMs = options.refreshMs ?? 30_000;
  const channels = new Map<string, Channel>();
  let recomputes = 0;

  const poke = (campaignId: string) => {
    const channel = channels.get(campaignId);
    if (!channel) return;
    if (channel.running) {
      channel.dirty = true;
      return;
    }
    if (channel.timer) return;
    const wait = Math.max(settleMs, channel.lastRunAt + coalesceMs - Date.now());
    channel.timer = setTimeout(() => void run(campaignId, channel), wait);
  };

  const run = async (campaignId: string, channel: Channel) => {
    channel.timer = null;
    channel.running = true;
    recomputes += 1;
    try {
      const full = await loadFullProgress(options.db, options.clock, campaignId);
      for (const listener of channel.listeners) listener.send(viewFor(full, listener.principal));
    } catch (error) {
      options.onError?.(error);
    } finally {
      channel.running = false;
      channel.lastRunAt = Date.now();
      if (channel.dirty && channels.get(campaignId) === channel) {
        channel.dirty = false;
        poke(campaignId);
      }
    }
  };

  const unsubscribe = options.events.subscribe(PROGRESS_TOPIC, poke);

  return {
    add(campaignId, listener) {
      let channel = channels.get(campaignId);
      if (!channel) {
        const refresh = setInterval(() => poke(campaignId), refreshMs);
        refresh.unref();
        channel = {
          listeners: new Set(),
          timer: null,
          refresh,
          running: false,
          dirty: false,
          lastRunAt: 0,
        };
        channels.set(campaignId, channel);
      }
      channel.listeners.add(listener);
      const mine = channel;
      return () => {
        mine.listeners.delete(listener);
        if (mine.listeners.size > 0 || channels.get(campaignId) !== mine) return;
        clearInterval(mine.refresh);
        if (mine.timer) clearTimeout(mine.timer);
        channels.delete(campaignId);
      };
    },
    get recomputes() {
      return recomputes;
    },
    close() {
      unsubscribe();
      for (const channel of channels.values()) {
        clearInterval(channel.refresh);
        if (channel.timer) clearTimeout(channel.timer);
        for (const listener of channel.listeners) listener.end();
      }
      channels.clear();
    },
  };
}
