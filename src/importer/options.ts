import { PAGE_NUMBER_PATTERN, isRealIsoDate } from '../schemas/common.ts';
import { ImportError } from './errors.ts';

/** What a page import needs besides the transcript: the page's identity in the edition. */
export interface PageIdentity {
  /** The issue date, `YYYY-MM-DD`. */
  date: string;
  /** The page number (版次), such as `A03`. */
  page: string;
  /** The section name (版名), such as `要闻`; transcripts do not carry it. */
  section: string;
}

/** Checks the page identity before anything is read or written; throws naming the option. */
export function checkIdentity(identity: PageIdentity): PageIdentity {
  const date = identity.date.trim();
  if (!isRealIsoDate(date)) {
    throw new ImportError(
      `--date "${identity.date}" is not a real date written as YYYY-MM-DD; give the issue date, for example --date 2023-07-02.`,
      { field: '--date' },
    );
  }
  const page = identity.page.trim();
  if (!PAGE_NUMBER_PATTERN.test(page)) {
    throw new ImportError(
      `--page "${identity.page}" may only use letters, digits and hyphens (it becomes a file name and a URL); give the page number as printed, for example --page A03.`,
      { field: '--page' },
    );
  }
  const section = identity.section.trim();
  if (section === '' || /[\n\r]/.test(section)) {
    throw new ImportError('--section is empty or spans lines; give the section name (版名) printed in the page header, for example --section 要闻.', {
      field: '--section',
    });
  }
  return { date, page, section };
}
