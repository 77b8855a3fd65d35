import { useEffect, useState } from 'react';
import type { CampaignProgress } from '../../../contracts/calling-progress.js';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'signedOut' | 'notFound';

const MAX_WAIT_MS = 30_000;

/**
 * Follows a campaign's progress over server-sent events. The browser's EventSource reconnects
 * by itself after a dropped connection; when the server refuses (or is away during a restart)
 * it gives up, so we ask the JSON route why: 401 and 404 are final, anything else is retried
 * with a growing wait. Every event carries all the numbers, so nothing is lost in between.
 */
export function useProgressStream(campaignId: string) {
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let wait = 1_000;
    const url = `/api/campaigns/${encodeURIComponent(campaignId)}/progress`;

    const open = () => {
      if (stopped) return;
      source = new EventSource(`${url}/stream`);
      source.addEventListener('progress', (e) => {
        wait = 1_000;
        setProgress(JSON.parse((e as MessageEvent<string>).data) as CampaignProgress);
        setStatus('live');
      });
      source.onerror = () => {
        if (stopped || !source) return;
        if (source.readyState === EventSource.CONNECTING) {
          setStatus('reconnecting');
          return;
        }
        source.close();
        source = null;
        void diagnose();
      };
    };

    const diagnose = async () => {
      const status = await fetch(url, { credentials: 'same-origin' })
        .then((r) => r.status)
        .catch(() => 0);
      if (stopped) return;
      if (status === 401) return setStatus('signedOut');
      if (status === 404 || status === 400) return setStatus('notFound');
      setStatus('reconnecting');
      timer = setTimeout(open, wait);
      wait = Math.min(wait * 2, MAX_WAIT_MS);
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [campaignId]);

  return { progress, status };
}
