/**
 * Writes docs/claims.md from src/story/claims.ts (or checks it with --check). Run after
 * `npm run voiceover` or a model change: `npx tsx src/story/claimsCli.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../publish/atomicWrite';
import { runCli } from '../publish/runCli';
import { evaluateClaims, renderClaimsMarkdown } from './claims';
import { loadExplainerData } from './explainerData';
import { filmRuns } from './filmRuns';

const HELP = `Usage: npx tsx src/story/claimsCli.ts [--check]

Checks every claim of the film (src/story/claims.ts) against the model at its narration bookmark
and writes the table to docs/claims.md.

Options:
  --check     do not write; exit 1 when docs/claims.md is stale or a claim fails
  -h, --help  this help
`;

/** Path of the generated table. */
export const CLAIMS_DOC_PATH = join('docs', 'claims.md');

void runCli({ name: 'claims', help: HELP, options: { check: { type: 'boolean' } } }, ({ values }, io) => {
  io.stderr('claims: simulating the film run and its comparison runs (a few seconds)...\n');
  const evaluated = evaluateClaims({ data: loadExplainerData(), runs: filmRuns() });
  const markdown = renderClaimsMarkdown(evaluated);
  const failed = evaluated.filter((e) => e.result && !e.result.ok);
  for (const f of failed)
    io.stderr(
      `claims: "${f.claim.text}" (${f.claim.scene}, ${f.claim.id}) is contradicted by the model: ${f.result!.value}, must be ${f.result!.expected}; change the words in captions/narration.script.md or the claim in src/story/claims.ts\n`,
    );
  if (values.check) {
    const current = existsSync(CLAIMS_DOC_PATH) ? readFileSync(CLAIMS_DOC_PATH, 'utf8') : '';
    if (current !== markdown) {
      io.stderr(`claims: ${CLAIMS_DOC_PATH} is stale; run npx tsx src/story/claimsCli.ts\n`);
      return 1;
    }
    return failed.length > 0 ? 1 : 0;
  }
  writeFileAtomic(CLAIMS_DOC_PATH, markdown);
  io.stdout(`claims: wrote ${CLAIMS_DOC_PATH} (${evaluated.length} claims, ${failed.length} failing)\n`);
  return failed.length > 0 ? 1 : 0;
});
