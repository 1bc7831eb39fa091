import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumProblem } from '../../scripts/chromium.ts';
import { runAstro } from './astro-cli.ts';
import { projectRoot } from './paths.ts';
import { scratchSite } from './scratch-site.ts';
import { writeEdition } from './edition-generate.ts';
import type { BuiltEdition, EditionName } from './editions.ts';

/**
 * Checks that Chromium is there (once, with the fix), then builds the three shared editions
 * once per run, with the real `astro build`, for every test that reads them (editions.ts): the sample, the fixture site and the generated multi-issue
 * edition. The two scratch builds start clean (no dist, no cache); all run with the network guard
 * (no-network.ts). Each run gets its own folder, so parallel runs never delete each other's
 * output.
 */
export default async function setup(project: TestProject) {
  // No Chromium: say so once, with the fix, before anything is built, and fail the run (a
  // thrown error would come back as a stack trace, and every browser suite would fail again).
  const problem = chromiumProblem();
  if (problem) {
    process.stderr.write(`\n${problem}\n\n`);
    process.exit(1);
  }
  const runDir = path.join(projectRoot, '.cache/test-runs', String(process.pid));
  const scratchDir = path.join(runDir, 'scratch');
  await rm(runDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  const fixtureRoot = await scratchSite('fixture-site', scratchDir);
  const editionRoot = await scratchSite('edition-site', scratchDir);
  await writeEdition(editionRoot);

  const guard = pathToFileURL(path.join(projectRoot, 'tests/helpers/no-network.ts')).href;
  async function build(name: EditionName, root: string, outDir: string, base: string, site: string): Promise<BuiltEdition> {
    const networkLog = path.join(runDir, `network-${name}.log`);
    await writeFile(networkLog, '');
    // The scratch copies are fresh, so their builds are clean (no card cache, no content
    // store); the sample keeps the project's own cache, which `npm run dev` may be using.
    const started = performance.now();
    const args = root === projectRoot ? ['build', '--outDir', outDir] : ['build', '--root', root, '--outDir', outDir];
    const result = await runAstro(args, projectRoot, {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${guard}`.trim(),
      NEWSPRINT_NETWORK_LOG: networkLog,
    });
    if (result.code !== 0) throw new Error(`The ${name} site did not build (exit ${result.code}):\n${result.output}`);
    return { name, root, outDir, base, site, networkLog, ms: Math.round(performance.now() - started), output: result.output };
  }

  // Two builds at a time on two cores; the sample is the one most suites wait for.
  const [sample, fixture] = await Promise.all([
    build('sample', projectRoot, path.join(runDir, 'site'), '/', 'https://epaper.example.com/'),
    build('fixture', fixtureRoot, path.join(fixtureRoot, 'dist'), '/paper/', 'https://fixture.example.org/'),
  ]);
  const editionBuild = await build('edition', editionRoot, path.join(editionRoot, 'dist'), '/paper/', 'https://fixture.example.org/');
  await writeFile(path.join(runDir, 'builds.json'), JSON.stringify({ sample: sample.ms, fixture: fixture.ms, edition: editionBuild.ms }));

  project.provide('builtSiteDir', sample.outDir);
  project.provide('scratchDir', scratchDir);
  project.provide('editions', { sample, fixture, edition: editionBuild });
  return async () => {
    await rm(runDir, { recursive: true, force: true });
  };
}
