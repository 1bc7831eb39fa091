import type { Issue } from './edition-data.ts';
import { formatChineseDate } from '../model/dates.ts';
import { archiveYearHref, issueHref } from '../model/urls.ts';

/**
 * The archive as calendars: one page per year (`/archive/<year>/`), each month a calendar
 * whose days with an issue link to it. One page per year keeps every page small however long
 * the paper has been published (ten years of dailies are ten pages of at most 366 links).
 * Pure functions of the issue list.
 */

/** A day cell of a month calendar. */
export interface CalendarDay {
  day: number;
  date: string;
  /** Set when an issue appeared that day. */
  issue?: { href: string; pages: number; label: string };
}

export interface CalendarMonth {
  year: number;
  month: number;
  /** The fragment id of the month on its year page, `m7` for July. */
  id: string;
  /** `2024年1月` */
  label: string;
  issues: number;
  /** Weeks from Monday to Sunday, as Chinese calendars set them; `null` pads the first and last. */
  weeks: (CalendarDay | null)[][];
}

export interface ArchiveYear {
  year: number;
  href: string;
  issues: number;
  /** Months with at least one issue, January first. */
  months: CalendarMonth[];
}

/** Column heads of a calendar week, Monday first (GB/T 7408 and Chinese calendars). */
export const WEEKDAY_HEADS = [
  { short: '一', long: '星期一' },
  { short: '二', long: '星期二' },
  { short: '三', long: '星期三' },
  { short: '四', long: '星期四' },
  { short: '五', long: '星期五' },
  { short: '六', long: '星期六' },
  { short: '日', long: '星期日' },
] as const;

/** What a screen reader says for a day with an issue: `2024年1月30日，8个版面`. */
export const dayLabel = (date: string, pages: number) => `${formatChineseDate(date)}，${pages}个版面`;

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 0 for Monday … 6 for Sunday. */
const mondayIndex = (year: number, month: number, day: number) => (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;

function monthCalendar(base: string, year: number, month: number, byDate: Map<string, Issue>): CalendarMonth {
  const cells: (CalendarDay | null)[] = Array.from({ length: mondayIndex(year, month, 1) }, () => null);
  let issues = 0;
  for (let day = 1; day <= daysIn(year, month); day++) {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    const issue = byDate.get(date);
    if (issue) issues += 1;
    cells.push({
      day,
      date,
      issue: issue && { href: issueHref(base, date), pages: issue.pages.length, label: dayLabel(date, issue.pages.length) },
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return { year, month, id: `m${month}`, label: `${year}年${month}月`, issues, weeks };
}

/** Every year with an issue, newest first, each with the calendars of its months. */
export function archiveYears(base: string, issues: readonly Issue[]): ArchiveYear[] {
  const byDate = new Map(issues.map((issue) => [issue.date, issue]));
  const months = new Map<number, Set<number>>();
  for (const issue of issues) {
    const [year, month] = issue.date.split('-').map(Number) as [number, number];
    months.set(year, (months.get(year) ?? new Set()).add(month));
  }
  return [...months.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, set]) => {
      const calendars = [...set].sort((a, b) => a - b).map((month) => monthCalendar(base, year, month, byDate));
      return {
        year,
        href: archiveYearHref(base, year),
        issues: calendars.reduce((sum, m) => sum + m.issues, 0),
        months: calendars,
      };
    });
}
