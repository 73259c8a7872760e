/**
 * Hostile and broken links for the deep-link tests: script/HTML payloads in every key, script and
 * remote `data=`, absurd numbers, truncations and percent-encoding tricks. `notice`: whether the
 * app should say (dismissibly) that part of the link was ignored or not found.
 * Payloads set `window.pwned` or create `#injected` if they ever run or render as HTML.
 */
export interface Hostile {
  hash: string;
  notice: boolean;
}

const XSS = "<img id=injected src=x onerror=window.pwned=1>";
const SCRIPT = "<script id=injected>window.pwned=1</script>";
const enc = encodeURIComponent;
const SOURCE = "002_bf7bde4e343e88ef";

export const HOSTILE: Hostile[] = [
  // HTML / script in every key
  { hash: `#event=${enc(SCRIPT)}`, notice: true },
  { hash: `#event=${XSS}`, notice: true },
  { hash: `#source=${enc(XSS)}`, notice: true },
  { hash: `#source=${SOURCE}&passage=${enc(SCRIPT)}`, notice: true },
  { hash: `#cat=${enc(XSS)},raid`, notice: true },
  { hash: `#src=${enc("javascript:window.pwned=1")}`, notice: true },
  { hash: `#status=${enc(`"><svg id=injected onload=window.pwned=1>`)}`, notice: true },
  { hash: `#from=${enc(SCRIPT)}&to=2026-13-45`, notice: true },
  { hash: `#q=${enc(XSS)}`, notice: false }, // any text is a valid search: shown as text, matches nothing
  { hash: `#q=${SCRIPT}`, notice: false },
  { hash: `#embed=${enc(SCRIPT)}`, notice: true },
  { hash: `#v=${enc(XSS)}`, notice: true },
  { hash: `#${enc(SCRIPT)}=1`, notice: true },
  { hash: `#onerror=window.pwned=1&onload=window.pwned=1`, notice: true },
  { hash: `#e=${enc(XSS)}&c=${enc(SCRIPT)}`, notice: true },
  // data= pointing at scripts or other hosts
  { hash: `#data=javascript:window.pwned=1`, notice: true },
  { hash: `#data=${enc("javascript:window.pwned=1//.json")}`, notice: true },
  { hash: `#data=https://evil.example/events.geojson`, notice: true },
  { hash: `#data=//evil.example/events.json`, notice: true },
  {
    hash: `#data=${enc('data:application/json,{"type":"FeatureCollection","features":[]}')}`,
    notice: true,
  },
  { hash: `#data=../../etc/passwd.json`, notice: true },
  // numbers
  { hash: `#map=1e308/1e308/1e308`, notice: true },
  { hash: `#map=NaN/NaN/NaN`, notice: true },
  { hash: `#map=Infinity/0/0`, notice: true },
  { hash: `#map=99999999999999999999999/-91/181`, notice: true },
  { hash: `#map=0x10/0x10/0x10`, notice: true },
  { hash: `#source=${SOURCE}&passage=999999999999-9999999999999`, notice: true },
  { hash: `#source=${SOURCE}&passage=5000-10`, notice: true },
  // truncated and malformed
  { hash: `#map=9/10.5`, notice: true },
  { hash: `#map=9/10.5/-66.9&event=`, notice: false }, // an empty value means the default
  { hash: `#event=caracas-night-raid&ev`, notice: true },
  { hash: `#q=%E0%A4%A`, notice: true },
  { hash: `#q=%`, notice: true },
  { hash: `#from=2026-01-01&to=2025-01-01`, notice: true },
  // percent tricks, repetition, length
  { hash: `#event=%252e%252e%252f`, notice: true },
  { hash: `#event=caracas-night-raid&event=${enc(XSS)}`, notice: true },
  { hash: `#%65vent=${enc(SCRIPT)}`, notice: true },
  { hash: `#q=%00%01%1b${enc(XSS)}`, notice: true },
  { hash: `#q=${"A".repeat(9000)}`, notice: true },
  { hash: `#event=${"a".repeat(500)}`, notice: true },
  { hash: `#event=constructor&__proto__=1&cat=__proto__`, notice: true },
  { hash: "#event=%E2%80%AE%ED%A0%80", notice: true }, // RLO + an encoded lone surrogate
];
