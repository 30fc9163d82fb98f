/**
 * fast-check arbitraries from the contract's zod 4 schemas, for the property-based tests of the contract's handlers:
 * `validIsh` walks a schema (object, string, number, int, enum, array, optional, nullable, default, union, literal,
 * record, boolean) and builds values that pass its type and bound checks, though not necessarily its refinements
 * (a refine() is code the walk cannot read: such values are "valid-ish"); `nearValid` takes one of those and breaks
 * exactly one thing in it (a field's type, a bound, a missing or an unknown key, a hostile value in its place).
 * Sizes are kept small (short strings and arrays): the point is to reach the handlers, not to load them.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** The parts of a zod 4 schema's internals the walk reads (zod keeps them on `_zod.def`). */
interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly keyType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly in?: z.ZodType;
}

interface CheckDef {
  readonly check: string;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly format?: string;
  readonly pattern?: RegExp;
}

const LONGEST_STRING = 24;
const LONGEST_ARRAY = 3;

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

/** Length bounds from min_length, max_length and length_equals checks, capped so values stay small. */
function lengthBounds(def: Def, cap: number): { minLength: number; maxLength: number } {
  let minLength = 0;
  let maxLength = Number.POSITIVE_INFINITY;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length' && check.minimum !== undefined) minLength = Math.max(minLength, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined) maxLength = Math.min(maxLength, check.maximum);
    if (check.check === 'length_equals' && check.length !== undefined) minLength = maxLength = check.length;
  }
  return { minLength, maxLength: Math.max(minLength, Math.min(maxLength, minLength + cap)) };
}

function isoDate(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format = def.format ?? checks.find((check) => check.check === 'string_format')?.format;
  const bounds = lengthBounds(def, LONGEST_STRING);
  if (format === 'date') return isoDate();
  if (format === 'base64') return fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64'));
  const pattern = def.pattern ?? checks.find((check) => check.pattern !== undefined)?.pattern;
  // stringMatching refuses the i flag; what matches without it matches with it.
  if (pattern !== undefined) {
    const declaredMax = checks.find((check) => check.check === 'max_length')?.maximum;
    const matching = fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('i', '')), { size: 'xsmall', ...(declaredMax === undefined ? {} : { maxLength: declaredMax }) });
    return matching.filter((text) => text.length >= bounds.minLength);
  }
  return fc.string({ ...bounds, unit: 'grapheme-ascii' });
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let exclusiveMin = false;
  let exclusiveMax = false;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') integer = check.format !== 'float32' && check.format !== 'float64';
    if (check.check === 'greater_than' && check.value !== undefined && check.value >= min) [min, exclusiveMin] = [check.value, !check.inclusive];
    if (check.check === 'less_than' && check.value !== undefined && check.value <= max) [max, exclusiveMax] = [check.value, !check.inclusive];
  }
  if (integer) {
    const low = Math.ceil(exclusiveMin ? min + 1e-9 : min);
    const high = Math.floor(exclusiveMax ? max - 1e-9 : max);
    // Small values most of the time: ids, versions and offsets that exist are small.
    return fc.oneof({ arbitrary: fc.integer({ min: low, max: Math.min(high, low + 3) }), weight: 3 }, { arbitrary: fc.integer({ min: low, max: high }), weight: 1 });
  }
  return fc.double({ min, max, minExcluded: exclusiveMin, maxExcluded: exclusiveMax, noNaN: true, noDefaultInfinity: true });
}

/** Built once per schema: some take long to build (stringMatching over a \p{L} class expands the class). */
const BUILT = new WeakMap<z.ZodType, fc.Arbitrary<unknown>>();

/** Values that pass `schema`'s type and bound checks (not necessarily its refinements). */
export function validIsh(schema: z.ZodType): fc.Arbitrary<unknown> {
  let arbitrary = BUILT.get(schema);
  if (arbitrary === undefined) {
    arbitrary = buildValidIsh(schema);
    BUILT.set(schema, arbitrary);
  }
  return arbitrary;
}

function buildValidIsh(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'optional':
    case 'default':
      return fc.option(validIsh(def.innerType!), { nil: undefined });
    case 'nullable':
      return fc.option(validIsh(def.innerType!), { nil: null });
    case 'union':
      return fc.oneof(...(def.options ?? []).map(validIsh));
    case 'array':
      return fc.array(validIsh(def.element!), lengthBounds(def, LONGEST_ARRAY));
    case 'record':
      return fc.dictionary(validIsh(def.keyType!) as fc.Arbitrary<string>, validIsh(def.valueType!), { maxKeys: LONGEST_ARRAY });
    case 'pipe':
      return validIsh(def.in!);
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((key) => !['optional', 'default'].includes(defOf(shape[key]!).type));
      const fields = Object.fromEntries(Object.entries(shape).map(([key, inner]) => [key, ['optional', 'default'].includes(defOf(inner).type) ? validIsh(defOf(inner).innerType!) : validIsh(inner)]));
      return fc.record(fields, { requiredKeys: required });
    }
    default:
      throw new Error(`validIsh: zod type ${def.type} is not walked; add it`);
  }
}

/** Values no careful client sends: what a field may get instead of its own kind. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, 0, -1, -0, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, '', ' ', '\u0000', '../../../etc/passwd', '%00', '\u202e', '__proto__', 'constructor', 'toString', [], {}, [[[[[]]]]]),
    fc.constantFrom('a'.repeat(70_000), '😀'.repeat(5_000), 'x\n'.repeat(3_000)),
    fc.string({ maxLength: 40, unit: 'binary' }),
    fc.jsonValue({ maxDepth: 3 }),
    protoKeyed(),
  );
}

/** An object with its own `__proto__` (and `constructor`) keys, as JSON.parse of a hostile body builds one. */
export function protoKeyed(): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => JSON.parse(`{"${key}":{"polluted":true,"prototype":{"polluted":true}}}`) as Record<string, unknown>);
}

type Path = readonly (string | number)[];

/** Every path into a JSON-like value (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function cloneJsonLike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJsonLike);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: cloneJsonLike(item), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

type Mutation = { kind: 'replace'; value: unknown } | { kind: 'remove' } | { kind: 'extra'; key: string; value: unknown };

/** `value` with one change at `path`: the thing there replaced, removed, or (for an object) given an unknown key. */
function mutate(value: unknown, path: Path, mutation: Mutation): unknown {
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'extra' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const copy = cloneJsonLike(value) as Record<string, unknown>;
      Object.defineProperty(copy, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
      return copy;
    }
    return mutation.kind === 'extra' ? mutation.value : undefined;
  }
  const copy = cloneJsonLike(value) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  if (rest.length === 0 && mutation.kind === 'remove') {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
    return copy;
  }
  copy[head] = mutate(copy[head], rest, mutation);
  return copy;
}

const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: hostileValue().map((value): Mutation => ({ kind: 'replace', value })), weight: 4 },
  { arbitrary: fc.constant<Mutation>({ kind: 'remove' }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('zz_unknown', '__proto__', 'constructor', 'toString'), hostileValue()).map(([key, value]): Mutation => ({ kind: 'extra', key, value })), weight: 1 },
);

/** A valid-ish value of `schema` with exactly one thing broken (see mutate). */
export function nearValid(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.tuple(validIsh(schema), fc.nat(), MUTATION).map(([valid, pick, mutation]) => {
    const paths = pathsOf(valid);
    return mutate(valid, paths[pick % paths.length]!, mutation);
  });
}
