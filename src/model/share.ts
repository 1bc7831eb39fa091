/** Share card geometry: 1200×630 is the size Open Graph consumers (and X's large card) expect. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a page tells social networks about itself (Open Graph protocol, ogp.me). */
export interface ShareInfo {
  /** `og:title`: the headline, or the page's name. */
  title: string;
  /** `og:description`: the lead or deck, or the page's headlines. */
  description: string;
  /** `og:type`: `article` for articles (with `article:published_time`), `website` otherwise. */
  type: 'article' | 'website';
  /** Site-relative path of the card image, base path included; absent only for an edition with no issue yet. */
  image?: string;
  /** `og:image:alt`: what the card shows, for readers who cannot see it. */
  imageAlt: string;
  /** ISO 8601 publication time, for `article:published_time`. */
  publishedTime?: string;
  /** `article:section`: the page's section name. */
  section?: string;
}
