import { useNotify } from 'react-admin';
import { describeServerError } from '../common/serverErrors';

/** The file name the API gives a download (`content-disposition`: `filename*=UTF-8''…`, else `filename="…"`). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // a malformed name: use the plain one
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches an export (same-origin credentials). A refused or failed one is shown as an error notification in the
 * admin's language (the JSON error body's `extensions.reason` and `args`, api/src/exports/http.ts sendError, as
 * GraphQL errors are shown) and gives null.
 */
function useExportFetch(): (url: string) => Promise<Response | null> {
  const notify = useNotify();
  return async (url: string) => {
    let res: Response;
    try {
      res = await fetch(url, { credentials: 'same-origin' });
    } catch {
      notify('yizhan.exports.failed_network', { type: 'error' });
      return null;
    }
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      const error = body?.errors?.[0];
      notify(error ? describeServerError(error) : `HTTP ${res.status}`, { type: 'error', autoHideDuration: 10_000 });
      return null;
    }
    return res;
  };
}

/**
 * Opens a page export (the printable roster, `/exports/roster.html?…`) in a new tab once it is known to answer:
 * a refused one (a station outside the viewer's scope, a bad day) stays in the admin as an error notification
 * instead of a tab of raw error JSON. The tab is opened at the click (so no pop-up blocker stops it) and closed
 * again if the export is refused.
 */
export function useExportOpen(): (url: string) => Promise<void> {
  const fetchExport = useExportFetch();
  return async (url: string) => {
    const tab = window.open('', '_blank');
    const res = await fetchExport(url);
    if (!res) {
      tab?.close();
      return;
    }
    if (tab) {
      tab.opener = null;
      tab.location.href = url;
    } else {
      window.location.assign(url);
    }
  };
}

/**
 * Downloads an export (`GET /exports/…`, same-origin credentials) and saves it under the API's file name. A
 * refused or failed export is shown as an error notification in the admin's language: the JSON error body's
 * `extensions.reason` and `args` (api/src/exports/http.ts sendError), as GraphQL errors are shown.
 */
export function useExportDownload(): (url: string) => Promise<void> {
  const fetchExport = useExportFetch();
  return async (url: string) => {
    const res = await fetchExport(url);
    if (!res) return;
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = fileNameOf(res.headers.get('content-disposition'), url.split('/').pop()?.split('?')[0] ?? 'export');
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  };
}
