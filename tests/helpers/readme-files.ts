/**
 * The files a README section tells a user to write: each fenced code block that follows a
 * line naming its path in bold code (**`astro.config.mjs`**, optionally with more text after
 * it). Tests build exactly these files, so the README cannot drift from what works.
 */
export function readmeFiles(readme: string, heading: string): Map<string, string> {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`The README has no section "## ${heading}".`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const files = new Map<string, string>();
  for (const m of section.matchAll(/^\*\*`([^`]+)`\*\*[^\n]*\n+```[\w-]*\n([\s\S]*?)^```$/gm)) {
    files.set(m[1]!, m[2]!);
  }
  return files;
}
