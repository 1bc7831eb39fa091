/**
 * Set up before each test of `npm run test:mutation` (tests/vitest.mutation.config.ts): Stryker
 * switches mutants inside modules it loaded once, so a memo filled while one mutant (or none)
 * was active would answer for the next and hide it. Seen: with the phrase memo kept, the test of
 * a break before 238分 passed against its mutant under Stryker and failed against it by hand.
 */
import { beforeEach } from 'vitest';
import { forgetPhrases } from '../../src/typeset/phrases.ts';

beforeEach(() => forgetPhrases());
