import { describe, expect, it } from "vitest";
import { CLUSTER_LIMIT } from "../../src/model/markers/map-features.ts";
import { SLICED_ABOVE, sizeProfile } from "../../src/model/size-profile.ts";

describe("sizeProfile", () => {
  it("clusters up to CLUSTER_LIMIT events, and slices above SLICED_ABOVE", () => {
    expect(sizeProfile(39)).toEqual({ count: 39, clustered: true, sliced: false });
    expect(sizeProfile(CLUSTER_LIMIT)).toMatchObject({ clustered: true, sliced: false });
    expect(sizeProfile(CLUSTER_LIMIT + 1)).toMatchObject({ clustered: false, sliced: false });
    expect(sizeProfile(SLICED_ABOVE)).toMatchObject({ clustered: false, sliced: false });
    expect(sizeProfile(SLICED_ABOVE + 1)).toMatchObject({ clustered: false, sliced: true });
  });

  it("takes another slicing threshold (the loader's tests lower it)", () => {
    expect(sizeProfile(10_000, 5000)).toMatchObject({ clustered: false, sliced: true });
  });
});
