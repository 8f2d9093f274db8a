import fs from 'node:fs';
import path from 'node:path';
import { parseSync, type Module, type Param, type Pattern } from '@swc/core';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const APP = path.join(ROOT, 'src/app');
const TESTS = path.join(ROOT, 'test');
const SELF = path.relative(ROOT, import.meta.filename);

interface Verb { readonly name: string; readonly file: string }

const filesUnder = (dir: string, suffix: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f));

/** A verb takes the actor's context first: `verb({ ctx, … })`, or the older `verb(ctx, …)` still used by the sweep steps. */
function takesContext(param: Param | undefined): boolean {
  const pat: Pattern | undefined = param?.pat;
  if (pat?.type === 'Identifier') return pat.value === 'ctx';
  if (pat?.type !== 'ObjectPattern') return false;
  return pat.properties.some((p) => (p.type === 'AssignmentPatternProperty' && p.key.value === 'ctx') || (p.type === 'KeyValuePatternProperty' && p.key.type === 'Identifier' && p.key.value === 'ctx'));
}

/** Every exported async function of a feature folder (`src/app/<feature>/*.ts`) that takes a context. */
function verbsOf(file: string): Verb[] {
  const module: Module = parseSync(fs.readFileSync(file, 'utf8'), { syntax: 'typescript' });
  const rel = path.relative(ROOT, file);
  return module.body.flatMap((item) => {
    if (item.type !== 'ExportDeclaration' || item.declaration.type !== 'FunctionDeclaration') return [];
    const fn = item.declaration;
    return fn.async && takesContext(fn.params[0]) ? [{ name: fn.identifier.value, file: rel }] : [];
  });
}

const features = fs.readdirSync(APP, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(APP, d.name));
const verbs = features.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f))).flatMap(verbsOf);
const testText = filesUnder(TESTS, '.test.ts').filter((f) => path.relative(ROOT, f) !== SELF).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
const namedInTests = (name: string) => new RegExp(`\\b${name}\\b`).test(testText);

describe('every verb is exercised by name in a test', () => {
  it('finds the verbs of the feature folders', () => {
    // A parser that silently found nothing would make the check below pass vacuously.
    expect(verbs.length).toBeGreaterThan(40);
    expect(verbs).toContainEqual({ name: 'submitEvidence', file: 'src/app/evidence/submit-evidence.ts' });
    expect(verbs).toContainEqual({ name: 'runSweep', file: 'src/app/sweep/run-sweep.ts' });
  });

  it('names every verb in at least one test file', () => {
    const untested = verbs.filter((v) => !namedInTests(v.name)).map((v) => `${v.name} (${v.file})`);
    expect(untested).toEqual([]);
  });
});
