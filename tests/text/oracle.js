// The browser tier's oracle page: lays headlines out with the renderer (its own line breaking,
// measured with the real fonts) and with Chromium itself (an off-screen element of the same
// width, font, language and direction, read back line by line with Range rectangles), and
// returns both for tests/e2e/text.test.mjs to compare. Nothing here decides a line.
import init, { Renderer } from '/www/pkg/glance_renderer.js';

const ready = init();

/** Chromium's own lines for `text` in an element styled like a renderer's headline block. */
function chromiumLines(box, text, { lang, dir, width, font, lineHeight }) {
  box.style.cssText = `position:absolute;left:0;top:0;visibility:hidden;width:${width}px;` +
    `font-weight:700;font-size:${font.size}px;font-family:${font.family};line-height:${lineHeight}px;white-space:normal;overflow-wrap:break-word`;
  // The renderer's own headline class, so that its typography rules (glance.css) hold here too.
  box.className = 'glance-title';
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
function realWidth(span, line, { lang, dir, font }) {
  span.style.cssText = `position:absolute;left:0;top:0;visibility:hidden;white-space:nowrap;font-weight:700;font-size:${font.size}px;font-family:${font.family}`;
  span.className = 'glance-title';
  span.lang = lang;
  span.dir = dir;
  span.textContent = line;
  return span.getBoundingClientRect().width;
}

/**
 * Lays `cards` out on a phone of `width` × `height` CSS px with `skin` at `fontScale`, and
 * returns per card the renderer's headline (lines, font size, box, whether it was ellipsised),
 * Chromium's lines for the same text in the same box, and each rendered line's real width.
 */
window.compare = async function compare({ skin, width, height, fontScale, cards }) {
  await ready;
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
    const style = { lang: card.lang, dir: layout.direction, width: title.rect.width, font: { size: title.font_size, family: layout.font_family }, lineHeight: title.line_height };
    out.push({
      id: card.id,
      lang: card.lang,
      fontSize: title.font_size,
      boxWidth: title.rect.width,
      ellipsised: layout.warnings.some((w) => w.code === 'headline_ellipsised'),
      renderer: title.lines,
      chromium: chromiumLines(box, card.title, style),
      widths: title.lines.map((l) => realWidth(span, l, style)),
    });
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
  return { fontFamily: layout?.font_family, dir: layout?.direction };
};

window.unprobe = function unprobe() {
  probed?.renderer.free();
  probed?.root.remove();
  probed = null;
};

window.oracleReady = ready.then(() => true);
