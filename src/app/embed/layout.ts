/**
 * How an embedded map lays itself out: below {@link COMPACT_EMBED_WIDTH} the controls fold (slider on
 * one line, legend closed), and the height the embed asks its host for (`heightChanged`) gives the map
 * room that suits the frame's width. Pure arithmetic, unit-tested in tests/unit/embed-snippet.test.ts.
 */

/** Frames narrower than this (CSS px) get the compact controls: phones and small presets. */
export const COMPACT_EMBED_WIDTH = 500;

/** The map's height the embed asks for: about 4:5 of the width, within these bounds. */
export const EMBED_MAP_HEIGHT = {
  ratio: 0.8, // height / width on narrow frames (a phone's map is nearly square)
  min: 300, // below this a map of the region is hard to read
  max: 540, // wide frames stay landscape
};

/**
 * The height (CSS px) a map of this width should get.
 * @example preferredMapHeight(343) // 300
 * @example preferredMapHeight(1248) // 540
 */
export function preferredMapHeight(width: number): number {
  const { ratio, min, max } = EMBED_MAP_HEIGHT;
  return Math.round(Math.min(max, Math.max(min, width * ratio)));
}

/**
 * The whole embed's height: everything that is not the map at its natural height, plus the map.
 * @param frameWidth the embed's width (CSS px)
 * @param chromeHeight the height of everything but the map, as laid out now
 * @example preferredEmbedHeight(343, 96) // 396
 */
export function preferredEmbedHeight(frameWidth: number, chromeHeight: number): number {
  return Math.ceil(Math.max(0, chromeHeight) + preferredMapHeight(frameWidth));
}
