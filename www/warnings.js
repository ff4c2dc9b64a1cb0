// What the layout had to compromise on, in words for content people: a short label for the
// gallery's chips and the full sentence for the preview's panel and the chips' tooltips.

/** @type {Record<string, [string, string]>} */
const WARNINGS = {
  headline_ellipsised: ['headline cut', 'Headline cut with an ellipsis: it does not fit at the smallest size'],
  summary_shortened: ['summary shortened', 'Summary shortened'],
  summary_dropped: ['no summary', 'No room for the summary'],
  source_dropped: ['no source', 'No room for the source line'],
  score_dropped: ['no score', 'No room for the score block'],
  cta_dropped: ['no button', 'No room for the call to action'],
  actions_dropped: ['no like/share', 'No room for the like and share buttons'],
  text_zone_too_small: ['no headline', 'No room for the headline on this screen'],
  focus_covered: ['focus covered', 'The focus point is under the text or the clock'],
  media_size_unknown: ['size unknown', 'The picture has no width and height: its focus point cannot be kept'],
  scrim_needed: ['scrim', 'Bright picture behind the text: scrim at'],
};

/**
 * @param {{ code: string, alpha?: number }} warning
 * @returns {{ short: string, long: string, severe: boolean }}
 */
export function describeWarning(warning) {
  const [short, long] = WARNINGS[warning.code] ?? [warning.code, warning.code];
  const scrim = warning.code === 'scrim_needed' ? ` ${warning.alpha} %` : '';
  // What the reader loses (words or a button), rather than how it looks.
  const severe = /dropped|ellipsised|too_small/.test(warning.code);
  return { short: short + scrim, long: long + scrim, severe };
}
