// The renderer's contrast sampler, a dedicated worker (shipped as www/pkg/glance_sampler.js):
// the part of a picture behind a card's text, decoded and scaled to a few pixels here, so that
// the main thread never decodes a picture to read it. It reads the picture's bytes from the
// HTTP cache only (the card's <img> fetched them; nothing is fetched again) and from the
// page's own origin only (another origin's pixels are not the page's to read).
//
// In: { id, url, x, y, w, h, side }. Out: { id, rgba } with side × side RGBA bytes, or
// { id, rgba: null } when it cannot (not in the cache, not decodable, no OffscreenCanvas):
// the page then samples on its main thread.

/** @type {OffscreenCanvasRenderingContext2D | null} */
let canvas = null;

self.onmessage = async (/** @type {MessageEvent} */ { data }) => {
  const { id, url, x, y, w, h, side } = data;
  try {
    const response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
    if (!response.ok) throw new Error(`${response.status}`);
    const bitmap = await createImageBitmap(await response.blob(), x, y, w, h, {
      resizeWidth: side,
      resizeHeight: side,
      resizeQuality: 'high',
    });
    canvas ??= new OffscreenCanvas(side, side).getContext('2d', { willReadFrequently: true });
    if (!canvas) throw new Error('no 2d context');
    canvas.canvas.width = side;
    canvas.canvas.height = side;
    canvas.drawImage(bitmap, 0, 0);
    bitmap.close();
    const rgba = canvas.getImageData(0, 0, side, side).data;
    self.postMessage({ id, rgba }, [rgba.buffer]);
  } catch {
    self.postMessage({ id, rgba: null });
  }
};
