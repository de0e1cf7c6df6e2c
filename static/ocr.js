// The text reader's glue, loaded into the worker (src/worker/photos.rs) the first time a photo is
// read: the browser's own image decoding, and Tesseract (tesseract.js-core, compiled to
// WebAssembly) with its English model. Every file comes from this site, under the names
// scripts/ocr-files.mjs gave them; the service worker keeps them for offline use once fetched.
// Nothing here sends anything anywhere.
'use strict';
self.cmeOcr = (() => {
  /** The photo's pixels, at most `maxSide` on its longer side, as RGBA bytes. */
  async function decode(bytes, mime, maxSide) {
    // The photo's own orientation (EXIF) is applied by the browser.
    const bitmap = await createImageBitmap(new Blob([bytes], { type: mime || 'image/jpeg' }));
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const data = context.getImageData(0, 0, width, height).data;
    return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  }

  /** Whether this browser runs WebAssembly SIMD (a module using one SIMD instruction). */
  function simd() {
    return WebAssembly.validate(new Uint8Array([
      0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0,
      253, 15, 253, 98, 11,
    ]));
  }

  let engine = null;

  /** Loads the reader and its model once; a failed load is tried again on the next photo. */
  function load(filesJson) {
    if (!engine) {
      engine = start(JSON.parse(filesJson)).catch((error) => {
        engine = null;
        throw error;
      });
    }
    return engine;
  }

  async function start(files) {
    const [script, wasm] = simd()
      ? [files.simd_script, files.simd_wasm]
      : [files.plain_script, files.plain_wasm];
    if (typeof self.TesseractCore === 'undefined') importScripts(script);
    const module = await self.TesseractCore({ locateFile: () => wasm });
    const response = await fetch(files.english);
    if (!response.ok) throw new Error(`the model answered ${response.status}`);
    // Kept gzipped on the host (it compresses to a third); unpacked here.
    const unpacked = response.body.pipeThrough(new DecompressionStream('gzip'));
    const model = new Uint8Array(await new Response(unpacked).arrayBuffer());
    module.FS.writeFile('/eng.traineddata', model);
    const api = new module.TessBaseAPI();
    // 1: the LSTM engine only (the model carries no other).
    if (api.Init('/', 'eng', 1) !== 0) throw new Error('the reader did not start');
    return { module, api };
  }

  /** The text of a page (a PGM file's bytes). */
  async function recognise(page) {
    const { module, api } = await engine;
    module.FS.writeFile('/input', page);
    if (api.SetImageFile(1, 0) === 1) throw new Error('the page could not be read');
    api.Recognize(null);
    const text = api.GetUTF8Text();
    api.Clear();
    module.FS.unlink('/input');
    return text;
  }

  return { decode, load, recognise };
})();
