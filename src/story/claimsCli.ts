/**
 * Writes docs/claims.md from src/story/claims.ts (or checks it with --check). Run after
 * `npm run voiceover` or a model change: `npx tsx src/story/claimsCli.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../publish/atomicWrite';
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

function main(argv: string[]): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`claims: unknown option ${unknown.join(' ')}; see --help\n`);
    return 2;
  }
  process.stderr.write('claims: simulating the film run and its comparison runs (a few seconds)...\n');
  const evaluated = evaluateClaims({ data: loadExplainerData(), runs: filmRuns() });
  const markdown = renderClaimsMarkdown(evaluated);
  const failed = evaluated.filter((e) => e.result && !e.result.ok);
  for (const f of failed)
    process.stderr.write(
      `claims: "${f.claim.text}" (${f.claim.scene}, ${f.claim.id}) is contradicted by the model: ${f.result!.value}, must be ${f.result!.expected}\n`,
    );
  if (argv.includes('--check')) {
    const current = existsSync(CLAIMS_DOC_PATH) ? readFileSync(CLAIMS_DOC_PATH, 'utf8') : '';
    if (current !== markdown) {
      process.stderr.write(`claims: ${CLAIMS_DOC_PATH} is stale; run npx tsx src/story/claimsCli.ts\n`);
      return 1;
    }
    return failed.length > 0 ? 1 : 0;
  }
  writeFileAtomic(CLAIMS_DOC_PATH, markdown);
  process.stdout.write(`claims: wrote ${CLAIMS_DOC_PATH} (${evaluated.length} claims, ${failed.length} failing)\n`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
