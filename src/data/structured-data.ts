import type { ImageObject, NewsArticle, NewsMediaOrganization, Periodical, Person, PublicationIssue, WithContext } from 'schema-dts';
import type { Edition } from '../schemas/edition.ts';
import type { Issue, Page, Article } from './edition-data.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../model/share.ts';
import { formatChineseDate, publishedTime } from '../model/dates.ts';
import { articleCardHref, articleHref, issueHref, pageCardHref } from '../model/urls.ts';

/**
 * Structured data (schema.org JSON-LD) for search engines: a `NewsArticle` per article view
 * and a `PublicationIssue` per issue front. Typed with `schema-dts`, the schema.org
 * vocabulary as TypeScript types, so a property that schema.org does not define for the type,
 * or a value of the wrong kind, fails `astro check`; tests/structured-data.test.ts checks the
 * built pages' JSON the same way. Pure functions.
 */

const absolute = (edition: Edition, path: string) => new URL(path, edition.site).href;

/** The paper as publisher; its logo is the site's icon. */
export function publisher(edition: Edition): NewsMediaOrganization {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${absolute(edition, edition.base)}#publisher`,
    name: edition.paperName,
    url: absolute(edition, edition.base),
    logo: { '@type': 'ImageObject', url: absolute(edition, `${edition.base}favicon.svg`) },
  };
}

/** The newspaper as a periodical, the whole its issues are part of. */
function periodical(edition: Edition): Periodical {
  return { '@type': 'Newspaper', name: edition.paperName, inLanguage: edition.locale, publisher: publisher(edition) };
}

function issueNode(edition: Edition, date: string): PublicationIssue {
  return {
    '@type': 'PublicationIssue',
    '@id': `${absolute(edition, issueHref(edition.base, date))}#issue`,
    url: absolute(edition, issueHref(edition.base, date)),
    name: `${edition.paperName} ${formatChineseDate(date)}`,
    datePublished: date,
    isPartOf: periodical(edition),
  };
}

function card(edition: Edition, path: string): ImageObject {
  return { '@type': 'ImageObject', url: absolute(edition, path), width: String(CARD_WIDTH), height: String(CARD_HEIGHT) };
}

/** Every name of the byline becomes a `Person`; the printed role (记者, 通讯员) is their `jobTitle`. */
function authors(article: Article): Person[] {
  return article.data.byline.flatMap((entry) =>
    entry.names.map((name): Person => ({ '@type': 'Person', name, jobTitle: entry.role })),
  );
}

/** The `NewsArticle` of an article view. */
export function newsArticleLd(edition: Edition, issue: Issue, page: Page, article: Article, description: string): WithContext<NewsArticle> {
  const { data } = article;
  const url = absolute(edition, articleHref(edition.base, issue.date, page.number, article.slug));
  const alternatives = [data.kicker, data.deck].filter((t): t is string => Boolean(t));
  const author = authors(article);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: data.headline.join(''),
    ...(alternatives.length > 0 && { alternativeHeadline: alternatives.length === 1 ? alternatives[0] : alternatives }),
    description,
    datePublished: publishedTime(issue.date, edition.timeZone),
    inLanguage: edition.locale,
    ...(author.length > 0 && { author }),
    publisher: publisher(edition),
    image: card(edition, articleCardHref(edition.base, issue.date, page.number, article.slug)),
    articleSection: page.section,
    printPage: page.number,
    printSection: page.section,
    ...(data.tags.length > 0 && { keywords: data.tags }),
    isPartOf: issueNode(edition, issue.date),
  };
}

/** The `PublicationIssue` of an issue front: its date, its pages' articles and its front card. */
export function publicationIssueLd(edition: Edition, issue: Issue): WithContext<PublicationIssue> {
  const front = issue.pages[0];
  return {
    '@context': 'https://schema.org',
    ...issueNode(edition, issue.date),
    '@type': 'PublicationIssue',
    inLanguage: edition.locale,
    publisher: publisher(edition),
    ...(front && { image: card(edition, pageCardHref(edition.base, issue.date, front.number)) }),
    hasPart: issue.pages.flatMap((page) =>
      page.articles.map((article): NewsArticle => ({
        '@type': 'NewsArticle',
        '@id': `${absolute(edition, articleHref(edition.base, issue.date, page.number, article.slug))}#article`,
        url: absolute(edition, articleHref(edition.base, issue.date, page.number, article.slug)),
        headline: article.data.headline.join(''),
        printPage: page.number,
      })),
    ),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is written as `\u003c`, so no text in
 * the content (a headline saying `</script>`) can end the script element early.
 */
export function jsonLdText(value: object): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
