import { describe, expect, it } from "vitest";
import { clusterAction } from "../../../src/model/camera/cluster-click.ts";

const CARACAS = { lng: -66.9146, lat: 10.5061 };

describe("clusterAction", () => {
  it("lists events sharing one spot, whatever the zoom where MapLibre would split them", () => {
    const leaves = [7, 3, 12, 5, 9].map((idx) => ({ idx, ...CARACAS }));
    expect(clusterAction(leaves, 11, 13)).toEqual({ kind: "list", idxs: [3, 5, 7, 9, 12] });
  });

  it("lists events at one place (a city), a few km apart", () => {
    const embassy = { idx: 8, lng: -66.8714, lat: 10.4781 };
    const leaves = [{ idx: 1, ...CARACAS }, { idx: 2, ...CARACAS }, embassy];
    expect(clusterAction(leaves, 10, 13)).toEqual({ kind: "list", idxs: [1, 2, 8] });
  });

  it("lists a cluster that holds together up to the last clustered zoom", () => {
    const leaves = [
      { idx: 1, ...CARACAS },
      { idx: 2, lng: CARACAS.lng + 0.3, lat: CARACAS.lat },
    ];
    expect(clusterAction(leaves, 14, 13)).toEqual({ kind: "list", idxs: [1, 2] });
  });

  it("zooms to all its places when they are apart, at the splitting zoom at least", () => {
    const leaves = [
      { idx: 1, ...CARACAS },
      { idx: 2, ...CARACAS },
      { idx: 3, lng: -66.5424, lat: 10.474 },
      { idx: 4, lng: -66.8714, lat: 10.4781 },
    ];
    expect(clusterAction(leaves, 9, 13)).toEqual({
      kind: "zoom",
      bounds: [CARACAS.lng, 10.474, -66.5424, CARACAS.lat],
      minZoom: 9,
    });
  });
});
