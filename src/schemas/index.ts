export * from './common.ts';
export * from './credit.ts';
export * from './byline.ts';
export * from './figure.ts';
export * from './page.ts';
export * from './article.ts';
export * from './edition.ts';
