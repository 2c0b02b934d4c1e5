import sharp from 'sharp';
import { Problem } from '../../platform/errors.ts';

/** The longest side a stored photograph keeps: plenty for an identity photo and a printed record. */
export const PHOTO_MAX_SIDE = 1200;

// Refuses decompression bombs before decoding: a 5 MB upload has no business being 50 megapixels.
const MAX_INPUT_PIXELS = 50_000_000;

const FORMATS = { jpeg: 'image/jpeg', png: 'image/png' } as const;

/**
 * Decodes an uploaded photograph and encodes it afresh, so what is stored is pixels we made:
 * no EXIF (GPS position, camera, author), no embedded profiles or comments, nothing a crafted file
 * could smuggle to a later reader. It is turned upright by its EXIF orientation first, and brought
 * within PHOTO_MAX_SIDE. Anything that does not decode completely as a JPEG or PNG (another
 * format, a text file with an image name, a truncated image) is refused.
 */
export async function reencodePhoto(bytes: Buffer): Promise<{ contentType: string; bytes: Buffer }> {
  try {
    // failOn 'warning': a truncated or damaged image is an error, not a half-grey picture.
    const image = sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS });
    const { format } = await image.metadata();
    if (format !== 'jpeg' && format !== 'png') throw new Problem('photo-format');
    const upright = image.rotate().resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const out = await (format === 'jpeg' ? upright.jpeg({ quality: 85, mozjpeg: true }) : upright.png({ compressionLevel: 9 })).toBuffer();
    return { contentType: FORMATS[format], bytes: out };
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw new Problem('photo-format');
  }
}
