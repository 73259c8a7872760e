/**
 * The one script of an event's page (e/<id>/): it opens the app at that event, with the view the
 * shared link's hash carries. The page stays readable without it (docs/url-contract.md).
 */
import { appLinkFromEventPage } from "./model/share/event-redirect.ts";

/** Once the page's text has been painted, so a reader sees the event while the app and the map
 * load, instead of a blank page until the app's own first paint. A browser that reports no
 * paint (or a hidden tab, which never paints) goes after FALLBACK_MS. */
const FALLBACK_MS = 400;

function afterFirstPaint(go: () => void): void {
  let gone = false;
  const once = () => {
    if (!gone) (gone = true), go();
  };
  try {
    new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length) once();
    }).observe({ type: "paint", buffered: true });
  } catch {
    /* no paint timing: the fallback goes */
  }
  setTimeout(once, FALLBACK_MS);
}

const meta = (name: string) =>
  document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
const id = meta("vsm-event");
const root = meta("vsm-root");
// Only a way up ("../" repeated): the page is ours, but a script never follows what it cannot read.
const up = root && /^(\.\.\/)+$/.test(root) ? root : undefined;
if (id)
  afterFirstPaint(() =>
    location.replace(
      appLinkFromEventPage(id, location.hash, up, document.documentElement.lang || "en"),
    ),
  );
