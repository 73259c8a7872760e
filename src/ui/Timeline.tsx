import { For, Show, createMemo, createSignal, lazy, onCleanup, onMount } from "solid-js";
import { formatTick } from "../model/i18n/intl.ts";
import type { Lang } from "../model/i18n/lang.ts";
import { staticI18n, type Translator } from "../state/i18n.ts";
import { useI18n } from "./i18n.ts";
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { dayMs, eventSpan, isoDay } from "../model/query/dates.ts";
import {
  MAX_LANES,
  axisTicks,
  onStrip,
  packLanes,
  timelineDomainOfSpans,
  toFraction,
  type TimelineDomain,
  type TimelineScale,
} from "../model/query/timeline.ts";
import type { AppState } from "../state/app-state.ts";
import { createPlayback } from "../state/playback.ts";
import { formatDay, useEventDate } from "./format.ts";
import { localized } from "../model/i18n/localized.ts";
import type { SituationEvent } from "../model/types.ts";
import { PlaybackControls, playbackKeys } from "./PlaybackControls.tsx";
import { Handle, ZoomButton, createZoom, rangeControls } from "./TimelineRange.tsx";

/** Above this many events the strip shows a density canvas instead of one mark per event. */
export const DENSITY_THRESHOLD = 1500;
/** The density strip's height, in lanes of the dot timeline. */
const DENSITY_LANES = 4;

// Only datasets above DENSITY_THRESHOLD draw it: its own chunk, off the first one.
const TimelineDensity = lazy(() =>
  import("./TimelineDensity.tsx").then((m) => ({ default: m.TimelineDensity })),
);

const DAY = 86_400_000;

/**
 * Every event on a time axis — a dot for a day, a bar for a week, month or range — with a
 * draggable range (two handles, or drag the band) that filters the map and the list, the range in
 * words, and a zoom to it. The axis covers every event's dates (see timelineDomain); a range
 * beyond them keeps its dates and is drawn at the edge.
 */
export function Timeline(props: { state: AppState }) {
  const s = props.state;
  const { t, lang } = useI18n();
  const domain = createMemo(() => {
    const ix = s.filterIndex();
    return timelineDomainOfSpans(ix.starts, ix.ends);
  });
  const fromMs = () => (s.view.filters.from ? dayMs(s.view.filters.from) : null);
  const toMs = () => (s.view.filters.to ? dayMs(s.view.filters.to) : null);
  const zoom = createZoom(s, domain, fromMs, toMs);
  const at = (ms: number) => toFraction(zoom.scale(), ms);
  const pct = (ms: number) => onStrip(at(ms)) * 100;
  const beyond = (ms: number) => (at(ms) < 0 ? "left" : at(ms) > 1 ? "right" : null);
  const layout = createLayout(s);
  const from = () => fromMs() ?? domain().lo;
  const to = () => toMs() ?? domain().hi;
  let strip!: HTMLDivElement;
  const ticks = createTicks(
    lang,
    zoom.scale,
    stripWidth(() => strip),
  );
  const { drag, keys } = rangeControls(s, domain, zoom.scale, from, to, () => strip);
  const label = (ms: number) => formatDay(isoDay(ms), lang());
  const playback = createPlayback(s);

  return (
    <section
      class="timeline"
      aria-label={t("timeline.label")}
      classList={{ zoomed: zoom.zoomed() }}
      onKeyDown={playbackKeys(playback)}
    >
      <div
        class="timeline-track"
        data-testid="timeline-track"
        style={{ "--lanes": layout().lanes }}
      >
        <div class="timeline-strip" ref={strip}>
          <Axis state={s} scale={zoom.scale} ticks={ticks} lane={() => layout().lane} />
          <div class="shade shade-before" style={{ width: `${pct(from())}%` }} aria-hidden="true" />
          <div class="shade shade-after" style={{ left: `${pct(to())}%` }} aria-hidden="true" />
          <div
            class="band"
            style={{ left: `${pct(from())}%`, width: `${pct(to()) - pct(from())}%` }}
            onPointerDown={drag("band")}
            aria-hidden="true"
          />
          <Handle
            which="from"
            label={t("timeline.start")}
            min={domain().lo}
            max={to()}
            now={from()}
            text={s.data() ? label(from()) : t("timeline.loading")}
            left={pct(from())}
            beyond={beyond(from())}
            onPointerDown={drag("from")}
            onKeyDown={keys("from")}
          />
          <Handle
            which="to"
            label={t("timeline.end")}
            min={from()}
            max={domain().hi}
            now={to()}
            text={s.data() ? label(to()) : t("timeline.loading")}
            left={pct(to())}
            beyond={beyond(to())}
            onPointerDown={drag("to")}
            onKeyDown={keys("to")}
          />
        </div>
      </div>
      <div class="timeline-foot">
        <PlaybackControls playback={playback} />
        {/* Not live: each handle says its date, and CountAnnouncer what a drag left shown. */}
        <p class="timeline-range" data-testid="timeline-range">
          {rangeText(s, () => rangeWords(domain(), fromMs(), toMs(), lang(), t), t)}
        </p>
        <ZoomButton zoomed={zoom.zoomed()} ranged={zoom.ranged()} onClick={zoom.toggle} />
      </div>
    </section>
  );
}

/** What the strip shows under the range: the ticks, the axis's break, and the events (each as a
 * mark, or as a density strip when they are too many to tell apart). */
function Axis(props: {
  state: AppState;
  scale: () => TimelineScale;
  ticks: () => { at: number; label: string }[];
  lane: () => Int16Array;
}) {
  const s = props.state;
  const { t, lang } = useI18n();
  return (
    <>
      <For each={props.ticks()}>
        {(tick) => (
          <span class="tick" style={{ "--at": `${tick.at * 100}%` }} aria-hidden="true">
            {tick.label}
          </span>
        )}
      </For>
      <Show when={props.scale().kneeAt > 0}>
        <span
          class="axis-break"
          style={{ left: `${props.scale().kneeAt * 100}%` }}
          title={t("timeline.compressed", formatDay(isoDay(props.scale().knee), lang()))}
          aria-hidden="true"
        />
      </Show>
      <Show when={s.events().length > DENSITY_THRESHOLD}>
        <div class="marks" aria-hidden="true">
          <TimelineDensity state={s} scale={props.scale} />
        </div>
      </Show>
      <Show when={s.events().length <= DENSITY_THRESHOLD}>
        <EventMarks state={s} scale={props.scale} lane={props.lane} />
      </Show>
    </>
  );
}

/** The range in words. Before the events are in, the axis is empty (day 0 of 1970): it says what
 * is happening instead. */
function rangeText(s: AppState, range: () => string, t: Translator): string {
  return s.data() ? range() : s.loadError() ? t("timeline.noDates") : t("timeline.loadingDates");
}

/** The range as dates: an open end is the data's first or last day; a range that misses the
 * events' dates says so (the counter alone would only say 0). */
export function rangeWords(
  d: TimelineDomain,
  from: number | null,
  to: number | null,
  lang: Lang = "en",
  t: Translator = staticI18n().t,
): string {
  const day = (ms: number) => formatDay(isoDay(ms), lang);
  if (from === null && to === null) return t("timeline.all", day(d.first), day(d.last));
  const words = `${day(from ?? d.first)} – ${day(to ?? d.last)}`;
  const outside = (to !== null && to < d.first) || (from !== null && from > d.last);
  return outside ? t("timeline.outside", words) : words;
}

/** Each event's lane, and how many lanes the strip is tall. While loading, the strip is as tall as
 * it will be (a compact file says its count first), so the map above it is not resized, and drawn
 * again, when the events come in. */
function createLayout(s: AppState) {
  return createMemo(() => {
    const n = s.data() ? s.events().length : (s.announced() ?? 0);
    if (n > DENSITY_THRESHOLD) return { lane: new Int16Array(0), lanes: DENSITY_LANES };
    return s.data()
      ? packLanes(s.events(), s.order())
      : { lane: new Int16Array(0), lanes: MAX_LANES };
  });
}

/** The strip's width, kept up to date, so tick labels thin out instead of overlapping on a
 * narrow screen (0 until mounted). */
function stripWidth(strip: () => HTMLDivElement): () => number {
  const [width, setWidth] = createSignal(0);
  onMount(() => {
    setWidth(strip().clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setWidth(strip().clientWidth));
    ro.observe(strip());
    onCleanup(() => ro.disconnect());
  });
  return width;
}

/** The ticks (months, or Mondays when zoomed to a few weeks), labelled as often as the width
 * allows. */
function createTicks(lang: () => Lang, scale: () => TimelineScale, width: () => number) {
  return createMemo(() =>
    axisTicks(scale(), width()).map((t) => ({
      at: t.at,
      label: t.labelled ? formatTick(lang(), t.kind === "month" ? "month" : "day", t.t) : "",
    })),
  );
}

/** One mark per event (up to DENSITY_THRESHOLD of them), in its lane. A span cut by an edge of
 * the strip (zoomed) ends in an arrow there; a date known only as "before" trails to the left. */
function EventMarks(props: {
  state: AppState;
  scale: () => TimelineScale;
  lane: () => Int16Array;
}) {
  const s = props.state;
  const { t, lang } = useI18n();
  const eventDate = useEventDate();
  const at = (ms: number) => toFraction(props.scale(), ms);
  // A hover title in the language shown: "title — 3 Jan 2026 (to the day)".
  const hint = (e: SituationEvent) => {
    const d = e.properties.date;
    const title = localized(e.properties.title, e.properties.i18n, "title", lang()).text;
    return `${title} — ${eventDate(d)} (${t("dates.precision")[d.precision]})`;
  };
  return (
    <div class="marks" aria-hidden="true">
      <For each={s.order()}>
        {(i) => {
          const e = s.events()[i]!;
          const [a, b] = eventSpan(e);
          const point = b - a < DAY;
          const x0 = () => onStrip(at(a)) * 100,
            x1 = () => onStrip(at(b + DAY)) * 100;
          // A pointer shortcut only: the event list is the keyboard way to the same event.
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: see above.
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
            <span
              class={point ? "mark-dot" : "mark-span"}
              classList={{
                off: !s.visibleSet().has(i),
                selected: s.selectedIdx() === i,
                "cut-left": !point && at(a) < 0,
                "cut-right": !point && at(b + DAY) > 1,
                outside: at(b + DAY) < 0 || at(a) > 1,
                before: e.properties.date.precision === "before",
              }}
              style={{
                left: `${x0()}%`,
                width: point ? undefined : `max(4px, ${x1() - x0()}%)`,
                top: `${6 + props.lane()[i]! * 9}px`,
                background: CATEGORY_STYLE[e.properties.category]?.color,
              }}
              title={hint(e)}
              onClick={() => s.actions.select(e.id)}
            />
          );
        }}
      </For>
    </div>
  );
}
