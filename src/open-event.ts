/**
 * The one script of an event's page (e/<id>/): it opens the app at that event, with the view the
 * shared link's hash carries. The page stays readable without it (docs/url-contract.md).
 */
import { appLinkFromEventPage } from "./model/share/event-redirect.ts";

const id = document.querySelector<HTMLMetaElement>('meta[name="vsm-event"]')?.content;
if (id) location.replace(appLinkFromEventPage(id, location.hash));
