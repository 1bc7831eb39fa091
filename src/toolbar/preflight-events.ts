import type { Problem } from '../preflight/problem.ts';

/**
 * The messages between the pre-press check in the dev server and its dev toolbar app: the app
 * asks for the problems of the view it is on; the server answers, and says when content has
 * changed so every open view asks again.
 */
export const APP_ID = 'newsprint-preflight';
export const CHECK_EVENT = `${APP_ID}:check`;
export const RESULT_EVENT = `${APP_ID}:result`;
export const STALE_EVENT = `${APP_ID}:stale`;

export interface CheckRequest {
  /** The view's `location.pathname`. */
  pathname: string;
}

export interface CheckResult {
  pathname: string;
  /** `page`, `article`, or `other` (a view the check has nothing to say about). */
  view: 'page' | 'article' | 'other';
  problems: Problem[];
  /** Set when the check itself failed (for example, Chromium is missing). */
  error?: string;
}
