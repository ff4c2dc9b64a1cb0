// What the layout had to compromise on, in words for content people: a short label for the
// gallery's chips and the full sentence for the preview's panel and the chips' tooltips.

/** @type {Record<string, [string, string]>} */
const WARNINGS = {
  headlineEllipsised: ['headline cut', 'Headline cut with an ellipsis: it does not fit at the smallest size'],
  summaryShortened: ['summary shortened', 'Summary shortened'],
  summaryDropped: ['no summary', 'No room for the summary'],
  sourceDropped: ['no source', 'No room for the source line'],
  scoreDropped: ['no score', 'No room for the score block'],
  ctaDropped: ['no button', 'No room for the call to action'],
  actionsDropped: ['no like/share', 'No room for the like and share buttons'],
  textZoneTooSmall: ['no headline', 'No room for the headline on this screen'],
  focusCovered: ['focus covered', 'The focus point is under the text or the clock'],
  mediaSizeUnknown: ['size unknown', 'The picture has no width and height: its focus point cannot be kept'],
  scrimNeeded: ['scrim', 'Bright picture behind the text: scrim at'],
};

/**
 * @param {{ code: string, alpha?: number }} warning
 * @returns {{ short: string, long: string, severe: boolean }}
 */
export function describeWarning(warning) {
  const [short, long] = WARNINGS[warning.code] ?? [warning.code, warning.code];
  const scrim = warning.code === 'scrimNeeded' ? ` ${warning.alpha} %` : '';
  // What the reader loses (words or a button), rather than how it looks.
  const severe = /Dropped|Ellipsised|TooSmall/.test(warning.code);
  return { short: short + scrim, long: long + scrim, severe };
}
