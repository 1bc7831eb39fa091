import { defineToolbarApp } from 'astro/toolbar';
import { toolbarPalette } from '../design/palette.ts';
import { SELECTORS } from '../preflight/selectors.ts';
import type { Problem } from '../preflight/problem.ts';
import { CHECK_EVENT, RESULT_EVENT, STALE_EVENT, APP_ID, type CheckRequest, type CheckResult } from './preflight-events.ts';

/**
 * The pre-press check in Astro's dev toolbar (`npm run dev` only; nothing of it reaches a
 * built page). On a page or article view it lists that view's problems, shows the count of
 * errors and warnings in its toolbar icon, and on a click scrolls to the block and outlines
 * it. The dev server says when content changes, and the list is fetched again.
 */

const { error: ERROR, warning: WARNING } = toolbarPalette;

/** The toolbar icon: errors over warnings, each in its colour. */
function countIcon(errors: number, warnings: number): string {
  const n = (v: number) => (v > 99 ? '99+' : String(v));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" aria-hidden="true"><rect x="0.5" y="0.5" width="19" height="19" rx="3" fill="none" stroke="#fff" stroke-opacity="0.5"/><text x="10" y="9" text-anchor="middle" font-size="8.5" font-family="system-ui,sans-serif" font-weight="700" fill="${ERROR}">${n(errors)}</text><text x="10" y="17.5" text-anchor="middle" font-size="8.5" font-family="system-ui,sans-serif" font-weight="700" fill="${WARNING}">${n(warnings)}</text></svg>`;
}

/** The element a problem points at on this view, or undefined. */
function targetOf(p: Problem, view: CheckResult['view']): Element | undefined {
  const t = p.target ?? {};
  let scope: Element | null;
  if (view === 'page') scope = t.block ? document.querySelectorAll(SELECTORS.block)[t.block - 1] ?? null : null;
  else scope = document.querySelector(SELECTORS.article);
  if (t.part === 'credits') return document.querySelector(SELECTORS.credits) ?? document.querySelector('main') ?? undefined;
  if (!scope) return document.querySelector('main') ?? undefined;
  const pick = (selector: string, index = 0) => scope.querySelectorAll(selector)[index];
  const part =
    t.part === 'headline' ? pick(SELECTORS.headline) :
    t.part === 'byline' ? pick(SELECTORS.byline) :
    t.part === 'figure' ? pick(SELECTORS.figure, t.index) :
    t.part === 'body' && t.index !== undefined ? pick(SELECTORS.bodyParagraphs, t.index) :
    undefined;
  return part ?? scope;
}

const STYLE = `
  :host { --error: ${ERROR}; --warning: ${WARNING}; }
  astro-dev-toolbar-window { max-height: 70vh; overflow: auto; width: min(640px, 90vw); }
  h1 { font-size: 16px; margin: 0 0 8px; display: flex; gap: 12px; align-items: baseline; }
  .counts { font-size: 13px; font-weight: 400; }
  .counts .e { color: var(--error); } .counts .w { color: var(--warning); }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
  button.problem { all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer; padding: 8px 10px; border-radius: 6px; background: rgba(255,255,255,0.06); font-size: 13px; line-height: 1.5; }
  button.problem:hover, button.problem:focus-visible { background: rgba(255,255,255,0.14); outline: 2px solid #fff3; }
  .kind { font-weight: 700; margin-right: 6px; }
  .error .kind { color: var(--error); } .warning .kind { color: var(--warning); }
  .file { opacity: 0.7; font-family: ui-monospace, monospace; font-size: 12px; }
  .message { display: block; margin-top: 2px; }
  p.note { margin: 0; font-size: 13px; opacity: 0.8; }
`;

export default defineToolbarApp({
  init(canvas, app, server) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    const win = document.createElement('astro-dev-toolbar-window');
    win.setAttribute('data-np-preflight', '');
    canvas.append(style, win);
    let outlined: HTMLElement | undefined;

    const setIcon = (errors: number, warnings: number) => {
      const button = document.querySelector('astro-dev-toolbar')?.shadowRoot?.querySelector<HTMLElement>(`[data-app-id="${APP_ID}"]`);
      const svg = button?.querySelector('.icon > svg');
      if (svg) svg.outerHTML = countIcon(errors, warnings);
      button?.setAttribute('aria-label', `Pre-press check: ${errors} errors, ${warnings} warnings`);
      button?.setAttribute('data-np-counts', `${errors}/${warnings}`);
      app.toggleNotification(errors + warnings > 0 ? { state: true, level: errors > 0 ? 'error' : 'warning' } : { state: false });
    };

    const outline = (el: Element | undefined) => {
      if (outlined) {
        outlined.style.removeProperty('outline');
        outlined.style.removeProperty('outline-offset');
        outlined.removeAttribute('data-np-preflight-outlined');
        document.documentElement.style.removeProperty('padding-bottom');
      }
      if (!(el instanceof HTMLElement)) return;
      // To the top of the window, not its centre: the app's panel sits over the middle and
      // foot of the page, and would hide the block it points at. A block at the foot of the
      // page cannot scroll that far, so the page gets room under it, as tall as the window,
      // while a block is outlined (taken away again when the outline goes or the app closes).
      document.documentElement.style.setProperty('padding-bottom', `${window.innerHeight}px`);
      window.scrollTo({ top: Math.max(0, el.getBoundingClientRect().top + window.scrollY - 24), behavior: 'instant' });
      el.style.setProperty('outline', `3px solid ${toolbarPalette.outline}`);
      el.style.setProperty('outline-offset', '4px');
      el.setAttribute('data-np-preflight-outlined', '');
      outlined = el;
    };

    const render = (result: CheckResult) => {
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      const warnings = result.problems.length - errors;
      setIcon(errors, warnings);
      win.replaceChildren();
      const h1 = document.createElement('h1');
      h1.textContent = 'Pre-press check';
      const counts = document.createElement('span');
      counts.className = 'counts';
      counts.innerHTML = `<span class="e">${errors} error${errors === 1 ? '' : 's'}</span> · <span class="w">${warnings} warning${warnings === 1 ? '' : 's'}</span>`;
      h1.append(counts);
      win.append(h1);
      if (result.error || result.view === 'other' || result.problems.length === 0) {
        const note = document.createElement('p');
        note.className = 'note';
        note.textContent = result.error ?? (result.view === 'other' ? 'Open a page or an article view to check it.' : 'Nothing to fix on this view.');
        win.append(note);
        return;
      }
      const list = document.createElement('ul');
      for (const p of result.problems) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.className = `problem ${p.severity}`;
        button.dataset.kind = p.kind;
        // Content is untrusted text: set as text, never as HTML.
        const kind = Object.assign(document.createElement('span'), { className: 'kind', textContent: p.kind });
        const file = Object.assign(document.createElement('span'), { className: 'file', textContent: p.line ? `${p.file}:${p.line}` : p.file });
        const message = Object.assign(document.createElement('span'), { className: 'message', textContent: p.message });
        button.append(kind, file, message);
        button.addEventListener('click', () => outline(targetOf(p, result.view)));
        item.append(button);
        list.append(item);
      }
      win.append(list);
    };

    const check = () => server.send<CheckRequest>(CHECK_EVENT, { pathname: location.pathname });
    server.on<CheckResult>(RESULT_EVENT, (result) => {
      if (result.pathname === location.pathname) render(result);
    });
    server.on(STALE_EVENT, check);
    const waiting = Object.assign(document.createElement('p'), { className: 'note', textContent: 'Checking this view in Chromium…' });
    win.append(waiting);
    app.onToggled(({ state }) => {
      if (!state) outline(undefined);
    });
    check();
  },
});
