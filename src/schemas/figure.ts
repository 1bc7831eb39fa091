import { z } from 'astro/zod';
import { requiredText } from './common.ts';

/**
 * A figure of an article: a photo or graphic with its caption (图片说明). A transcript often
 * has the caption but not the picture, so the image is optional; the page then shows a
 * neutral frame with the caption.
 */
export const figureSchema = z.object({
  /** Path of the image, relative to the site's `public/` folder, for example `2023-07-02/a03-1.jpg`. */
  image: z.string().trim().min(1).optional(),
  /** The caption as printed, without the photographer's credit. */
  caption: requiredText('a caption'),
  /** Who made the picture, as printed, for example `记者 夏侯凤超 摄`. */
  credit: z.string().trim().min(1).optional(),
  /** Text alternative for readers who cannot see the image; defaults to the caption. */
  alt: z.string().trim().min(1).optional(),
});

export type Figure = z.output<typeof figureSchema>;
