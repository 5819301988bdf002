/**
 * The OpenSeadragon side of the viewer: one local image (no tile server) and the few viewport
 * operations the viewer needs, with coordinates in the ORIGINAL photo's pixels (regions are stored in
 * them, while OpenSeadragon shows the smaller display copy; its viewport units are fractions of the
 * image's width, so multiplying by the original's width converts whatever copy is shown).
 *
 * OpenSeadragon's own buttons are off (their images would be fetched from a prefix URL); the viewer
 * draws its own, and its own keyboard handler replaces OpenSeadragon's.
 */
import OpenSeadragon from 'openseadragon';
import type { PhotoViewState } from './view-state';

export type Box = { x: number; y: number; width: number; height: number };
/** A 2D affine matrix as SVG's `matrix(a b c d e f)`. */
export type Matrix = [number, number, number, number, number, number];

/**
 * OpenSeadragon injects a <style> (a focus rule for touch screens) unless
 * `style[data-openseadragon-mobile-css]` matches something already; style-src 'self' refuses inline
 * styles, so that would be a CSP violation on every open (an empty HTML <style>, even of another type,
 * is one too). An element named "style" in a namespace of our own matches the selector but is no style
 * element, so nothing is applied or refused; the rule itself is in photo-viewer.css.
 */
function claimOsdStyleSlot(): void {
  if (document.querySelector('style[data-openseadragon-mobile-css]')) return;
  const placeholder = document.createElementNS('urn:atmintis:placeholder', 'style');
  placeholder.setAttribute('data-openseadragon-mobile-css', 'true');
  document.head.appendChild(placeholder);
}

export function createStage(element: HTMLElement, url: string): OpenSeadragon.Viewer {
  claimOsdStyleSlot();
  return OpenSeadragon({
    element,
    // buildPyramid: OpenSeadragon draws zoomed-out views from downscaled copies, not the full image.
    tileSources: { type: 'image', url, buildPyramid: true } as OpenSeadragon.TileSourceOptions,
    showNavigationControl: false,
    showNavigator: false,
    // The canvas drawer works wherever WebGL does not (headless, remote desktops); filters are CSS.
    drawer: 'canvas',
    crossOriginPolicy: false,
    gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
    visibilityRatio: 0.2,
    maxZoomPixelRatio: 4,
    animationTime: 0.3,
    preserveImageSizeOnResize: true,
  });
}

/** Original-pixel → viewer-element-pixel transform of the current (animated) viewport. */
export function imageToElementMatrix(viewer: OpenSeadragon.Viewer, originalWidth: number): Matrix {
  const viewport = viewer.viewport;
  const at = (x: number, y: number) => viewport.pixelFromPoint(new OpenSeadragon.Point(x, y), true);
  const origin = at(0, 0);
  const alongX = at(1, 0);
  const alongY = at(0, 1);
  const w = originalWidth;
  const matrix: Matrix = [
    (alongX.x - origin.x) / w,
    (alongX.y - origin.y) / w,
    (alongY.x - origin.x) / w,
    (alongY.y - origin.y) / w,
    origin.x,
    origin.y,
  ];
  // pixelFromPoint ignores flipping: OpenSeadragon mirrors the drawn canvas about its vertical axis.
  if (!viewport.getFlip()) return matrix;
  const width = viewport.getContainerSize().x;
  return [-matrix[0], matrix[1], -matrix[2], matrix[3], width - matrix[4], matrix[5]];
}

/** The inverse transform: a point of the viewer element to original pixels. */
export function elementToImage([a, b, c, d, e, f]: Matrix, x: number, y: number): [number, number] {
  const det = a * d - b * c;
  const dx = x - e;
  const dy = y - f;
  return [(d * dx - c * dy) / det, (a * dy - b * dx) / det];
}

/** Whether a box of original pixels is wholly inside a viewer element of this size. */
export function boxInView([a, b, c, d, e, f]: Matrix, box: Box, width: number, height: number): boolean {
  const corners: Array<[number, number]> = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ];
  return corners.every(([x, y]) => {
    const [sx, sy] = [a * x + c * y + e, b * x + d * y + f];
    return sx >= 0 && sy >= 0 && sx <= width && sy <= height;
  });
}

export function fitWidth(viewer: OpenSeadragon.Viewer): void {
  viewer.viewport.fitHorizontally(false);
}

export function fitPage(viewer: OpenSeadragon.Viewer): void {
  viewer.viewport.goHome(false);
}

export function zoomBy(viewer: OpenSeadragon.Viewer, factor: number): void {
  viewer.viewport.zoomBy(factor);
  viewer.viewport.applyConstraints();
}

/** Pans by a fraction of the visible width/height. */
export function panBy(viewer: OpenSeadragon.Viewer, dx: number, dy: number): void {
  const bounds = viewer.viewport.getBounds();
  viewer.viewport.panBy(new OpenSeadragon.Point(bounds.width * dx, bounds.height * dy));
  viewer.viewport.applyConstraints();
}

export function zoomToBox(viewer: OpenSeadragon.Viewer, box: Box, originalWidth: number): void {
  const margin = 0.15;
  const w = originalWidth;
  viewer.viewport.fitBoundsWithConstraints(
    new OpenSeadragon.Rect(
      (box.x - box.width * margin) / w,
      (box.y - box.height * margin) / w,
      (box.width * (1 + 2 * margin)) / w,
      (box.height * (1 + 2 * margin)) / w,
    ),
    false,
  );
}

/** Centres the view on a box of the original's pixels, keeping the zoom. */
export function panToBox(viewer: OpenSeadragon.Viewer, box: Box, originalWidth: number): void {
  const w = originalWidth;
  viewer.viewport.panTo(
    new OpenSeadragon.Point((box.x + box.width / 2) / w, (box.y + box.height / 2) / w),
    false,
  );
}

export function readView(viewer: OpenSeadragon.Viewer): Pick<PhotoViewState, 'zoom' | 'centre'> {
  const centre = viewer.viewport.getCenter(false);
  return { zoom: viewer.viewport.getZoom(false), centre: { x: centre.x, y: centre.y } };
}

export function applyView(
  viewer: OpenSeadragon.Viewer,
  view: Pick<PhotoViewState, 'zoom' | 'centre' | 'rotation'>,
): void {
  viewer.viewport.setRotation(view.rotation, true);
  viewer.viewport.zoomTo(view.zoom, undefined, true);
  viewer.viewport.panTo(new OpenSeadragon.Point(view.centre.x, view.centre.y), true);
}
