// The browser tier's oracle page: lays headlines out with the renderer (its own line breaking,
// measured with the real fonts) and with Chromium itself (an off-screen element of the same
// width, font, language and direction, read back line by line with Range rectangles), and
// returns both for tests/e2e/text.test.mjs to compare. Nothing here decides a line.
import init, { Renderer } from '/www/pkg/glance_renderer.js';

const ready = init();

/** Chromium's own lines for `text` in an element styled like a renderer's text block. */
function chromiumLines(box, text, { lang, dir, width, font, lineHeight, block }) {
  box.style.cssText = `position:absolute;left:0;top:0;visibility:hidden;width:${width}px;` +
    `font-weight:${font.weight};font-size:${font.size}px;font-family:${font.family};line-height:${lineHeight}px;white-space:normal;overflow-wrap:break-word`;
  // The renderer's own block class, so that its typography rules (glance.css) hold here too.
  box.className = block;
  box.lang = lang;
  box.dir = dir;
  box.textContent = text;
  const node = box.firstChild;
  const range = document.createRange();
  const lines = [];
  let line = '';
  let top = null;
  for (const { segment, index } of new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(text)) {
    range.setStart(node, index);
    range.setEnd(node, index + segment.length);
    const rects = [...range.getClientRects()];
    const rect = rects[rects.length - 1];
    // A grapheme on a new line: its box is a line height lower than the last one's.
    if (rect && /\S/u.test(segment)) {
      if (top !== null && rect.top - top > lineHeight / 2) {
        lines.push(line.trim());
        line = '';
      }
      top = rect.top;
    }
    line += segment;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The real width of `line` set in one line, as the renderer's `.glance-line` spans set it. */
function realWidth(span, line, { lang, dir, font, block }) {
  span.style.cssText = `position:absolute;left:0;top:0;visibility:hidden;white-space:nowrap;font-weight:${font.weight};font-size:${font.size}px;font-family:${font.family}`;
  span.className = block;
  span.lang = lang;
  span.dir = dir;
  span.textContent = line;
  return span.getBoundingClientRect().width;
}

// The layout computes in 32-bit floats; the decisions below are made in the same arithmetic,
// so that a headline exactly as tall as its room is decided the same way.
const f32 = Math.fround;

/**
 * What Chromium's lines say the headline's size should be, by the layout's own rule: the
 * largest size of the skin's scale at which the headline takes no more than `maxLines` lines
 * and they fit the room the fixed blocks leave (`null`: none does, and it is cut). The rule is
 * the renderer's; the lines are the DOM's, so a difference is a measuring difference.
 */
function chromiumSize(box, text, style, { sizes, fontScale, leading, maxLines, room }) {
  for (const step of sizes) {
    const size = f32(f32(step) * fontScale);
    const lineHeight = f32(size * leading);
    const n = chromiumLines(box, text, { ...style, font: { ...style.font, size }, lineHeight }).length;
    if (n <= maxLines && f32(n * lineHeight) <= f32(room + f32(0.01))) return size;
  }
  return null;
}

/** The line-height factor (as a 32-bit float) a block of `size` and `lineHeight` was set with. */
function leadingOf(size, lineHeight) {
  return [1.3, 1.45, 1.5, 1.9].map(f32).find((l) => f32(size * l) === lineHeight) ?? lineHeight / size;
}

/** The room the layout's fixed blocks (header, score, the bottom row, each with its gap) leave. */
function roomOf(layout, gap) {
  const height = (kinds) => Math.max(0, ...layout.blocks.filter((b) => kinds.includes(b.kind)).map((b) => b.rect.height));
  const fixed = [height(['source', 'disclosure']), height(['score']), height(['cta', 'actions'])]
    .filter((h) => h > 0)
    .reduce((sum, h) => f32(sum + f32(h + gap)), 0);
  return f32(layout.textZone.height - fixed);
}

const profiles = new Map();

/**
 * Lays `cards` out on a phone of `width` × `height` CSS px with `skin` at `fontScale`, and
 * returns per card the renderer's headline (lines, font size, box, whether it was ellipsised),
 * Chromium's lines for the same text in the same box, each rendered line's real width, the
 * size Chromium's lines would have chosen, and the same for the summary when there is one.
 */
window.compare = async function compare({ skin, width, height, fontScale, cards }) {
  await ready;
  if (!profiles.has(skin)) profiles.set(skin, await (await fetch(`/www/skins/${skin}.json`)).json());
  const sizes = profiles.get(skin).headline_sizes ?? [30, 26, 22, 19];
  const scale = f32(Math.min(2, Math.max(0.8, fontScale)));
  const root = document.createElement('div');
  root.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px`;
  document.body.append(root);
  const renderer = new Renderer(root, { skin, fontScale, autoAdvance: false, reducedMotion: true }, null);
  renderer.viewport = { width, height };
  renderer.setFeed(JSON.stringify({ version: 1, cards }));
  await document.fonts.ready;
  const box = document.createElement('div');
  const span = document.createElement('span');
  document.body.append(box, span);
  const out = [];
  for (let i = 0; i < renderer.count; i++) {
    const layout = renderer.layoutOf(i);
    const card = cards.find((c) => c.id === layout.cardId);
    const title = layout.blocks.find((b) => b.kind === 'title');
    if (!title) {
      out.push({ id: card.id, lang: card.lang, missing: true });
      continue;
    }
    // The family and direction the renderer sets the card's text in (the probe test checks
    // that the DOM draws with that family).
    const font = { size: title.fontSize, family: layout.fontFamily, weight: 700 };
    const style = { lang: card.lang, dir: layout.direction, width: title.rect.width, font, lineHeight: title.lineHeight, block: 'glance-title' };
    const gap = f32(8 * scale);
    const room = roomOf(layout, gap);
    const ellipsised = layout.warnings.some((w) => w.code === 'headlineEllipsised');
    const result = {
      id: card.id,
      lang: card.lang,
      fontSize: title.fontSize,
      boxWidth: title.rect.width,
      ellipsised,
      renderer: title.lines,
      chromium: chromiumLines(box, card.title, style),
      widths: title.lines.map((l) => realWidth(span, l, style)),
      size: {
        renderer: ellipsised ? null : title.fontSize,
        chromium: chromiumSize(box, card.title, style, { sizes, fontScale: scale, leading: leadingOf(title.fontSize, title.lineHeight), maxLines: card.score ? 3 : 4, room }),
      },
    };
    const summary = layout.blocks.find((b) => b.kind === 'summary');
    if (card.summary) {
      const left = f32(room - f32(title.rect.height + gap));
      // The summary's font and line height are the layout's; when the layout dropped it, its
      // size is 15 px at the font scale and its leading the headline's script's (1.45 for
      // Latin, as tall as the headline's for the others).
      const size = summary?.fontSize ?? f32(15 * scale);
      const titleLeading = leadingOf(title.fontSize, title.lineHeight);
      const lineHeight = summary?.lineHeight ?? f32(size * (titleLeading === f32(1.3) ? f32(1.45) : titleLeading));
      const sstyle = { ...style, width: summary?.rect.width ?? title.rect.width, font: { ...font, size, weight: 400 }, lineHeight, block: 'glance-summary' };
      const lines = chromiumLines(box, card.summary, sstyle);
      result.summary = {
        renderer: summary?.lines ?? [],
        chromium: lines,
        shortened: layout.warnings.some((w) => w.code === 'summaryShortened'),
        // How many of Chromium's lines the layout's rule keeps.
        kept: Math.min(3, lines.length, Math.max(0, Math.floor(f32(f32(left + f32(0.01)) / lineHeight)))),
        widths: (summary?.lines ?? []).map((l) => realWidth(span, l, sstyle)),
        boxWidth: sstyle.width,
      };
    }
    out.push(result);
  }
  renderer.free();
  root.remove();
  box.remove();
  span.remove();
  return out;
};
let probed = null;

/**
 * Mounts a renderer with `skin` showing `card` alone, in an element marked `data-probe` (for
 * the test to find its headline), and returns what the renderer says of the card's text.
 */
window.probe = async function probe({ skin, card }) {
  await ready;
  const root = document.createElement('div');
  root.dataset.probe = '';
  root.style.cssText = 'position:absolute;left:0;top:0;width:360px;height:800px';
  document.body.append(root);
  const renderer = new Renderer(root, { skin, autoAdvance: false, reducedMotion: true }, null);
  renderer.viewport = { width: 360, height: 800 };
  renderer.setFeed(JSON.stringify({ version: 1, cards: [card] }));
  await document.fonts.ready;
  probed = { root, renderer };
  const layout = renderer.layoutOf(0);
  return { fontFamily: layout?.fontFamily, dir: layout?.direction };
};

window.unprobe = function unprobe() {
  probed?.renderer.free();
  probed?.root.remove();
  probed = null;
};

window.oracleReady = ready.then(() => true);
