/**
 * An SVG document drawn onto a canvas and saved as PNG. Browsers cap a canvas at about 16,384 px a side
 * and 268 M px in all (Chromium, Firefox, Safari on a desktop; past them the canvas stays blank or
 * allocation fails), so a picture too large at the scale asked for is drawn smaller: the caller says so.
 */
export const MAX_CANVAS_SIDE = 16_384;
/**
 * Well under the browsers' 268 M px: 64 M px is 256 MB of pixels before encoding, and encoding is the
 * slow part (measured in Chromium on the shared 2-core machine: 32 M px took 7 s of a 14 s export).
 */
export const MAX_CANVAS_AREA = 64 * 1024 * 1024;

/** The scale to draw a `width` × `height` picture at: `wanted`, or less when the canvas would pass a limit. */
export function pngScale(width: number, height: number, wanted: number): number {
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(MAX_CANVAS_AREA / Math.max(width * height, 1));
  return Math.min(wanted, bySide, byArea);
}

/** The canvas could not be made or read back: the picture is past what this browser can hold. */
export class PictureTooLarge extends Error {}
/** The browser could not read the SVG as an image. */
export class PictureNotDrawn extends Error {}

export async function svgToPng(svg: { text: string; width: number; height: number }, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode().catch((cause: unknown) => {
      throw new PictureNotDrawn(String(cause), { cause });
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(svg.width * scale));
    canvas.height = Math.max(1, Math.floor(svg.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new PictureTooLarge();
    // Drawn at the canvas's size, the SVG is rasterised there: text stays sharp at any scale.
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    // Free the pixels now rather than at the next collection: they can be hundreds of megabytes.
    canvas.width = 0;
    canvas.height = 0;
    if (!png) throw new PictureTooLarge();
    return png;
  } finally {
    URL.revokeObjectURL(url);
  }
}
