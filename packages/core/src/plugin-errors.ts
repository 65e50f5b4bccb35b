/**
 * Errors a plugin declares, so that callers see their details typed. In the manifest:
 *
 *   errors: { revisionConflict: { code: 'CONFLICT', details: z.object({ planId: z.string(), … }) } }
 *
 * The server half throws `pluginError(manifest, 'revisionConflict', details, { message })`: the
 * details are checked against the declared shape right there, and a mismatch is a programming
 * error: the caller gets a bare INTERNAL, the server log the mismatch. Clients receive
 * `data.pluginError` (`plans.revisionConflict`) and `data.details`; `isPluginError(error,
 * 'plans.revisionConflict')` narrows `details` to the declared type once the plugin's common
 * entry registered its errors:
 *
 *   export type PlansErrorDetails = PluginErrorDetailsOf<typeof plansManifest>;
 *   declare module '@sifa/core' { interface PluginErrorDetails extends PlansErrorDetails {} }
 */
import { z } from 'zod';
import { SifaError, type FieldIssue, type SifaErrorCode } from './errors.js';
import type { LocalizedText } from './locale.js';
import type { SifaErrorData } from './trpc.js';

/** What a detail may hold: the same safe scalar values as every SifaError's details. */
export type ErrorDetailValue = string | number | boolean | null;

export interface PluginErrorDeclaration {
  /** The error code callers see (and its HTTP status); INTERNAL is never declared. */
  code: Exclude<SifaErrorCode, 'INTERNAL'>;
  /** The details' shape (zod or zod/mini), e.g. `z.object({ planId: z.string() })`. */
  details: z.core.$ZodType<Record<string, ErrorDetailValue>>;
}

/**
 * The declared errors of every plugin, by `<plugin id>.<name>`: empty here, extended by each
 * plugin's common entry (`declare module '@sifa/core' { interface PluginErrorDetails extends … {} }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PluginErrorDetails {}

/** `{ '<plugin id>.<name>': details }` of a manifest's declared errors. */
export type PluginErrorDetailsOf<TManifest> = TManifest extends { id: infer Id extends string; errors: infer E }
  ? { [K in keyof E & string as `${Id}.${K}`]: E[K] extends { details: infer S extends z.core.$ZodType } ? z.output<S> : never }
  : Record<never, never>;

type DeclaredErrors<TManifest> = TManifest extends { errors: infer E } ? E : Record<never, never>;

export interface PluginErrorOptions {
  /** A more specific message than the code's default. */
  message?: LocalizedText;
  issues?: FieldIssue[];
  cause?: unknown;
}

/**
 * The SifaError to throw for a declared error of `manifest`, its details checked against the
 * declared shape (a mismatch, or an undeclared name, gives INTERNAL with the reason as cause).
 */
export function pluginError<const TManifest extends { id: string; errors?: Readonly<Record<string, PluginErrorDeclaration>> }, const TName extends keyof DeclaredErrors<TManifest> & string>(
  manifest: TManifest,
  name: TName,
  details: DeclaredErrors<TManifest>[TName] extends { details: infer S extends z.core.$ZodType } ? z.input<S> : never,
  options: PluginErrorOptions = {},
): SifaError {
  const full = `${manifest.id}.${name}`;
  const declaration = manifest.errors?.[name];
  if (!declaration) return new SifaError('INTERNAL', { cause: new Error(`Plugin "${manifest.id}" throws the error "${full}", which its manifest does not declare (errors).`) });
  const parsed = z.safeParse(declaration.details, details);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(details)'}: ${i.message}`).join('; ');
    return new SifaError('INTERNAL', { cause: new Error(`The details of "${full}" do not match its declared shape: ${problems}`) });
  }
  return new SifaError(declaration.code, { ...options, details: parsed.data, pluginError: full });
}

/**
 * Whether `error` (a tRPC client error, or the `error` of a plugin route's JSON answer) is the
 * declared plugin error `name`; narrows `data.details` to its declared type.
 */
export function isPluginError<const TName extends keyof PluginErrorDetails & string>(
  error: unknown,
  name: TName,
): error is { message: string; data: Omit<SifaErrorData, 'pluginError' | 'details'> & { pluginError: TName; details: PluginErrorDetails[TName] } } {
  if (typeof error !== 'object' || error === null) return false;
  const data = (error as { data?: unknown }).data;
  return typeof data === 'object' && data !== null && (data as { pluginError?: unknown }).pluginError === name;
}
