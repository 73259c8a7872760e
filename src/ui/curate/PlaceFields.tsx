/**
 * Where an event happened: the place's name, precision and basis, and its geometry: a point and
 * an uncertainty radius, placed on the map (a click for a pin, a drag for a radius) or typed into
 * latitude, longitude and radius fields; or a line or an area, drawn on the map vertex by vertex
 * or typed as `lng,lat` lines (VertexFields). The fields are the keyboard's way to the same.
 */
import { For, Show, createSignal } from "solid-js";
import { pointPlace, readCoordinate } from "../../model/curate/place-geometry.ts";
import type { PlacedPoint } from "../../model/curate/draw-port.ts";
import {
  type Position,
  type ShapeKind,
  shapeGeometry,
  vertexCount,
} from "../../model/curate/shape-geometry.ts";
import { type EventPlace, PLACE_PRECISIONS, type SituationEvent } from "../../model/types.ts";

type Geometry = NonNullable<SituationEvent["geometry"]>;
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";
import { VertexFields } from "./VertexFields.tsx";

/** The map side of placing a point or drawing a shape (state/curate/curate-map.ts in the app). */
export interface PlaceEdit {
  placing: () => boolean;
  place: () => Promise<PlacedPoint | null>;
  drawing: () => ShapeKind | null;
  drawShape: (kind: ShapeKind) => Promise<Position[] | null>;
  cancel: () => void;
}

/** What a line's or an area's geometry says in words; null for any other. */
function shapeWords(
  g: Geometry | null,
  w: { lineOf(n: number): string; areaOf(n: number): string },
) {
  if (g?.type === "LineString") return w.lineOf(vertexCount(g));
  if (g?.type === "Polygon") return w.areaOf(vertexCount(g));
  return null;
}

export function PlaceFields(props: {
  event: SituationEvent;
  onChange: (next: SituationEvent) => void;
  place: PlaceEdit;
}) {
  const words = useAreaText(curateEn, curateEs);
  const place = () => props.event.properties.place;
  const geometry = () => props.event.geometry;
  const point = () => {
    const g = geometry();
    return g?.type === "Point" ? (g.coordinates as [number, number]) : null;
  };
  const write = (patch: Partial<EventPlace>, geo = geometry()) => {
    const next: EventPlace = { ...place(), ...patch };
    if (next.radius_km === undefined) delete next.radius_km;
    props.onChange({
      ...props.event,
      geometry: geo,
      properties: { ...props.event.properties, place: next },
    });
  };
  const setPoint = (lng: number, lat: number, radiusKm: number | undefined) => {
    const made = pointPlace(lng, lat, radiusKm ?? 0);
    write({ radius_km: made.radiusKm }, made.geometry);
  };
  // A coordinate typed before the other one is kept here until the point can be made.
  const [pending, setPending] = createSignal<{ lat?: number; lng?: number }>({});
  const typed = (field: "lat" | "lng", text: string) => {
    const [lng, lat] = point() ?? [pending().lng, pending().lat];
    const value = readCoordinate(text, field === "lat" ? 90 : 180);
    const next = { lng, lat, [field]: value };
    if (next.lng !== undefined && next.lat !== undefined) {
      setPending({});
      setPoint(next.lng, next.lat, place().radius_km);
    } else setPending(next);
  };
  const placeOnMap = async () => {
    const placed = await props.place.place();
    if (placed) setPoint(placed.lng, placed.lat, placed.radiusKm);
  };
  // A radius belongs to a point alone (the validator refuses it on a line or an area).
  const setShape = (geo: Geometry) => write({ radius_km: undefined }, geo);
  const drawOnMap = async (kind: ShapeKind) => {
    const vertices = await props.place.drawShape(kind);
    const made = vertices && shapeGeometry(kind, vertices);
    if (made) setShape(made);
  };
  const busy = () => props.place.placing() || props.place.drawing() !== null;
  const hint = () => {
    const kind = props.place.drawing();
    if (!kind) return words().place.placing;
    return kind === "LineString" ? words().place.drawingLine : words().place.drawingArea;
  };
  return (
    <fieldset class="event-form-group">
      <legend>{words().place.legend}</legend>
      <label for="ev-place-name">{words().place.name}</label>
      <input
        id="ev-place-name"
        required
        value={place().name}
        onChange={(e) => write({ name: e.currentTarget.value.trim() })}
      />
      <label for="ev-place-precision">{words().place.precision}</label>
      <select
        id="ev-place-precision"
        value={place().precision}
        onChange={(e) => write({ precision: e.currentTarget.value as EventPlace["precision"] })}
      >
        <For each={PLACE_PRECISIONS}>
          {(x) => <option value={x}>{words().place.precisions[x]}</option>}
        </For>
      </select>
      <label for="ev-place-basis">{words().place.basis}</label>
      <textarea
        id="ev-place-basis"
        required
        rows={2}
        value={place().basis}
        onChange={(e) => write({ basis: e.currentTarget.value.trim() })}
      />
      <Show when={geometry() && !point()}>
        <p class="event-note" data-testid="shape-words">
          {shapeWords(geometry(), words().place) ?? words().place.notPoint(geometry()!.type)}
        </p>
      </Show>
      <div class="event-coords">
        <label>
          {words().place.lat}
          <input
            inputMode="decimal"
            value={point()?.[1] ?? pending().lat ?? ""}
            onChange={(e) => typed("lat", e.currentTarget.value)}
          />
        </label>
        <label>
          {words().place.lng}
          <input
            inputMode="decimal"
            value={point()?.[0] ?? pending().lng ?? ""}
            onChange={(e) => typed("lng", e.currentTarget.value)}
          />
        </label>
        <label>
          {words().place.radius}
          <input
            type="number"
            min="0"
            step="0.1"
            value={place().radius_km ?? ""}
            onChange={(e) => {
              const km = Number(e.currentTarget.value);
              const radius = e.currentTarget.value === "" || !(km > 0) ? undefined : km;
              const at = point();
              if (at) setPoint(at[0], at[1], radius);
              else write({ radius_km: radius });
            }}
          />
        </label>
      </div>
      <Show when={point() && place().radius_km === undefined && place().precision !== "exact"}>
        <p class="event-note" role="note">
          {words().place.falsePin}
        </p>
      </Show>
      <VertexFields event={props.event} onShape={setShape} />
      <Show
        when={busy()}
        fallback={
          <div class="event-actions">
            <button type="button" class="btn" onClick={() => void placeOnMap()}>
              {words().place.placeOnMap}
            </button>
            <button type="button" class="btn" onClick={() => void drawOnMap("LineString")}>
              {words().place.drawLine}
            </button>
            <button type="button" class="btn" onClick={() => void drawOnMap("Polygon")}>
              {words().place.drawArea}
            </button>
            <Show when={geometry()}>
              <button
                type="button"
                class="btn"
                onClick={() => write({ radius_km: undefined }, null)}
              >
                {words().place.clear}
              </button>
            </Show>
          </div>
        }
      >
        <p class="event-placing" role="status">
          {hint()}
        </p>
        <button type="button" class="btn" onClick={() => props.place.cancel()}>
          {props.place.drawing() ? words().place.cancelDrawing : words().place.cancel}
        </button>
      </Show>
    </fieldset>
  );
}
