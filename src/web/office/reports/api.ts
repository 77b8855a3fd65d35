/** The report page's client: downloads the council report, or says why it cannot. */
import { ApiError } from '../api.js';

export type ReportFormat = 'pdf' | 'xlsx';

export interface ReportRequest {
  from: string;
  to: string;
  locale: string;
  region?: string | undefined;
}

export function reportUrl(request: ReportRequest, format: ReportFormat): string {
  const search = new URLSearchParams({
    from: request.from,
    to: request.to,
    locale: request.locale,
  });
  if (request.region) search.set('region', request.region);
  return `/api/reports/council.${format}?${search}`;
}

/** The file as a blob and its name; an API refusal as the office's ApiError. */
export async function fetchReport(
  request: ReportRequest,
  format: ReportFormat,
): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch(reportUrl(request, format), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (!res.ok) {
    const payload = (await res.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string; details?: unknown } }
      | undefined;
    const e = payload?.error;
    const details = Array.isArray(e?.details) ? (e.details as ApiError['details']) : [];
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', details);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `rapport.${format}`;
  return { blob: await res.blob(), filename };
}

/** Hands the file to the browser's download, as a link would. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
