import type { z } from 'astro/zod';
import { optionalText, requiredText } from './common.ts';
import { optional, record } from './records.ts';

/**
 * A figure of an article: a photo or graphic with its caption (图片说明). A transcript often
 * has the caption but not the picture, so the image is optional; the page then shows a
 * neutral frame with the caption.
 */
export const figureSchema = record(
  { noun: 'a figure', aliases: { src: 'image', photo: 'image', picture: 'image', file: 'image', path: 'image', text: 'caption', photographer: 'credit', by: 'credit' } },
  {
    /**
     * The image file: a path under the site's `public/` folder (`2023-07-02/a03-1.jpg` or
     * `/2023-07-02/a03-1.jpg`, the same file), or an `https://` address on a host the site
     * allows in Astro's `image.domains`. The build checks that the file exists.
     */
    image: optional(optionalText('the path of the image file')),
    /** The caption as printed, without the photographer's credit. */
    caption: requiredText('the caption (图片说明) as printed'),
    /** Who made the picture, as printed, for example `记者 夏侯凤超 摄`. */
    credit: optional(optionalText('the credit, for example 记者 夏侯凤超 摄')),
    /** Text alternative for readers who cannot see the image; defaults to the caption. */
    alt: optional(optionalText('a text alternative for the image')),
  },
);

export type Figure = z.output<typeof figureSchema>;
