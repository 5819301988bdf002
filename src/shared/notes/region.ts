/**
 * Regions on photos: the shape a note is attached to, kept in the W3C Web Annotation form it is
 * exported in (https://www.w3.org/TR/annotation-model/#selectors):
 *
 *   - a rectangle is a FragmentSelector conforming to Media Fragments, `xywh=pixel:x,y,w,h`;
 *   - a polygon is an SvgSelector holding one `<polygon points="x,y x,y …"/>`.
 *
 * Coordinates are pixels of the photo's original. The stored selector is the exchange format itself,
 * so a note round-trips through backups and exports without conversion; `parseRegionSelector` turns it
 * into geometry and refuses anything else with a message naming the selector and what is wrong.
 * Pure: no DOM (an SvgSelector is read with a strict pattern, not an XML parser).
 */

export const MEDIA_FRAGMENTS = 'http://www.w3.org/TR/media-frags/';
/** The one SVG namespace a polygon selector may declare. */
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RegionFragmentSelector {
  type: 'FragmentSelector';
  conformsTo: typeof MEDIA_FRAGMENTS;
  value: string;
}

export interface RegionSvgSelector {
  type: 'SvgSelector';
  value: string;
}

export type RegionSelector = RegionFragmentSelector | RegionSvgSelector;

export type RegionGeometry =
  | { shape: 'rectangle'; x: number; y: number; width: number; height: number }
  | { shape: 'polygon'; points: Array<[number, number]> };

/** Generous for hand-drawn shapes; keeps a hostile file from holding a million-point polygon. */
export const REGION_LIMITS = { maxPoints: 10_000, maxSelectorChars: 400_000, maxCoordinate: 1_000_000 };

export type RegionParse = { ok: true; geometry: RegionGeometry } | { ok: false; error: string };

/** Pixel coordinates to two decimals: finer than any photo's pixels, short in JSON. */
const round = (value: number): number => Math.round(value * 100) / 100;
const fmt = (value: number): string => String(round(value));

export function regionSelector(geometry: RegionGeometry): RegionSelector {
  if (geometry.shape === 'rectangle') {
    const { x, y, width, height } = geometry;
    return {
      type: 'FragmentSelector',
      conformsTo: MEDIA_FRAGMENTS,
      value: `xywh=pixel:${[x, y, width, height].map(fmt).join(',')}`,
    };
  }
  const points = geometry.points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' ');
  return { type: 'SvgSelector', value: `<svg xmlns="${SVG_NS}"><polygon points="${points}"/></svg>` };
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const XYWH = new RegExp(`^xywh=(?:pixel:)?(${NUMBER}),(${NUMBER}),(${NUMBER}),(${NUMBER})$`);
const SVG_POLYGON = new RegExp(
  String.raw`^\s*<svg(?:\s+xmlns=(["'])${SVG_NS.replace(/[./]/g, '\\$&')}\1)?\s*>\s*<polygon\s+points=(["'])([^"'<>]*)\2\s*/?>\s*(?:</polygon>\s*)?</svg>\s*$`,
);

function clip(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function checkCoordinates(values: readonly number[], what: string): string | null {
  for (const value of values) {
    if (!Number.isFinite(value) || value < 0 || value > REGION_LIMITS.maxCoordinate) {
      return `${what}: every coordinate must be a number of pixels from 0 to ${REGION_LIMITS.maxCoordinate}`;
    }
  }
  return null;
}

function parseFragment(selector: { conformsTo?: unknown; value: string }): RegionParse {
  if (selector.conformsTo !== MEDIA_FRAGMENTS) {
    return {
      ok: false,
      error: `FragmentSelector: conformsTo must be "${MEDIA_FRAGMENTS}" (Media Fragments), not ${typeof selector.conformsTo === 'string' ? clip(selector.conformsTo) : 'missing'}`,
    };
  }
  if (selector.value.startsWith('xywh=percent:')) {
    return {
      ok: false,
      error: `FragmentSelector: ${clip(selector.value)} is in percent; only pixel regions (xywh=pixel:x,y,w,h) are supported`,
    };
  }
  const match = XYWH.exec(selector.value);
  if (!match) {
    return {
      ok: false,
      error: `FragmentSelector: ${clip(selector.value)} is not a region "xywh=pixel:x,y,width,height"`,
    };
  }
  const [x, y, width, height] = match.slice(1, 5).map(Number) as [number, number, number, number];
  const bad = checkCoordinates([x, y, width, height], 'FragmentSelector');
  if (bad) return { ok: false, error: bad };
  if (width <= 0 || height <= 0) {
    return {
      ok: false,
      error: `FragmentSelector: ${clip(selector.value)} has no area (width and height must be above 0)`,
    };
  }
  return { ok: true, geometry: { shape: 'rectangle', x, y, width, height } };
}

function parseSvg(value: string): RegionParse {
  const match = SVG_POLYGON.exec(value);
  if (!match) {
    return {
      ok: false,
      error: `SvgSelector: ${clip(value)} is not one <svg> holding a single <polygon points="…"/> (other SVG shapes are not supported)`,
    };
  }
  const pairs = (match[3] ?? '').trim().split(/\s+/).filter(Boolean);
  if (pairs.length > REGION_LIMITS.maxPoints) {
    return {
      ok: false,
      error: `SvgSelector: the polygon has ${pairs.length} points; at most ${REGION_LIMITS.maxPoints} are allowed`,
    };
  }
  const points: Array<[number, number]> = [];
  const pair = new RegExp(`^(${NUMBER}),(${NUMBER})$`);
  for (const [index, text] of pairs.entries()) {
    const found = pair.exec(text);
    if (!found) {
      return {
        ok: false,
        error: `SvgSelector: point ${index + 1} (${clip(text, 30)}) is not "x,y" in pixels`,
      };
    }
    points.push([Number(found[1]), Number(found[2])]);
  }
  const bad = checkCoordinates(points.flat(), 'SvgSelector');
  if (bad) return { ok: false, error: bad };
  if (new Set(points.map(([x, y]) => `${x},${y}`)).size < 3) {
    return { ok: false, error: 'SvgSelector: a polygon needs at least 3 different points' };
  }
  return { ok: true, geometry: { shape: 'polygon', points } };
}

/** The geometry of a selector from any source (a backup, an import), or why it cannot be used. */
export function parseRegionSelector(selector: unknown): RegionParse {
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) {
    return { ok: false, error: 'the selector must be an object with "type" and "value"' };
  }
  const { type, value } = selector as { type?: unknown; value?: unknown };
  if (typeof value !== 'string') return { ok: false, error: `${String(type)}: "value" must be a string` };
  if (value.length > REGION_LIMITS.maxSelectorChars) {
    return {
      ok: false,
      error: `${String(type)}: the value is longer than ${REGION_LIMITS.maxSelectorChars} characters`,
    };
  }
  if (type === 'FragmentSelector') return parseFragment(selector as { conformsTo?: unknown; value: string });
  if (type === 'SvgSelector') return parseSvg(value);
  return {
    ok: false,
    error: `selector type ${typeof type === 'string' ? clip(type) : 'missing'} is not supported on photos (use FragmentSelector or SvgSelector)`,
  };
}

/** The smallest rectangle holding the region, e.g. to crop it for OCR or to zoom to it. */
export function regionBounds(geometry: RegionGeometry): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  if (geometry.shape === 'rectangle') {
    const { x, y, width, height } = geometry;
    return { x, y, width, height };
  }
  const xs = geometry.points.map(([x]) => x);
  const ys = geometry.points.map(([, y]) => y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

/**
 * A photo's URI in annotations: the sha256 of its original bytes, stable across machines, and the page
 * of a multi-page original after the first (`atmintis:photo/<sha256>/page/2`).
 */
export const photoUri = (sha256: string, page = 0): string =>
  `atmintis:photo/${sha256}${page > 0 ? `/page/${page}` : ''}`;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function photoOfUri(uri: string): { sha256: string; page: number } | null {
  const match = /^atmintis:photo\/([0-9a-f]{64})(?:\/page\/([1-9]\d{0,5}))?$/.exec(uri);
  return match?.[1] ? { sha256: match[1], page: Number(match[2] ?? 0) } : null;
}

/** Region notes use this in place of a collection id: photos are the user's own, in no collection. */
export const PHOTOS_NOTE_COLLECTION = 'user-photos' as const;

const enc = encodeURIComponent;

const pageQuery = (page: number): string => (page > 0 ? `?page=${page}` : '');

/** A photo (`?page=n` for a page of a multi-page original after the first) in its item's viewer. */
export const photoPath = (itemId: string, sha256: string, page = 0): string =>
  `/items/${enc(itemId)}/photos/${enc(sha256)}${pageQuery(page)}`;

/** The viewer at a region note's photo, with that region selected. */
export const regionNotePath = (itemId: string, sha256: string, page: number, noteId: string): string =>
  `/items/${enc(itemId)}/photos/${enc(sha256)}/region/${enc(noteId)}${pageQuery(page)}`;
