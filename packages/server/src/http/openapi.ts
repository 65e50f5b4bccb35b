/**
 * The OpenAPI 3.1 document of a server's composed router, served at `/openapi.json`, for
 * integrators outside TypeScript (a province's or a ministry's systems). Built from what the
 * procedures declare at run time: their type (GET for queries and event streams, POST for
 * mutations, as tRPC's HTTP protocol), their zod input schemas (`z.toJSONSchema`, the input side),
 * an output schema where one is declared (`.output()`, or `meta.result` where validating every
 * answer would cost too much), their access kind and permission (`SifaProcedureMeta`,
 * set by the procedure builders of @sifa/core) and the plugin manifests' titles and permission
 * titles. Built once per server; the server URLs are its public origins.
 */
import type { AnyRouter } from '@trpc/server';
import { z } from 'zod';
import { pickText, sifaErrorCodes, type LocalizedText, type SifaProcedureMeta } from '@sifa/core';

type ProcedureType = 'query' | 'mutation' | 'subscription';

interface ProcedureDef {
  type: ProcedureType;
  inputs: unknown[];
  output?: unknown;
  meta?: SifaProcedureMeta;
}

/** What the document says of each plugin (its tag) and of each permission. */
export interface OpenApiPluginInfo {
  id: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText | undefined;
  permissions: readonly { name: string; title: LocalizedText }[];
}

export interface OpenApiOptions {
  router: AnyRouter;
  plugins: readonly OpenApiPluginInfo[];
  /** The platform's version (info.version). */
  version: string;
}

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

/** Both languages a Chinese integrator and a foreign one read: "English (中文)". */
const bilingual = (text: LocalizedText) => {
  const en = pickText(text, 'en');
  const zh = pickText(text, 'zh-CN');
  return en === zh ? en : `${en} (${zh})`;
};

/** A zod schema's JSON Schema (2020-12, OpenAPI 3.1's dialect) for what a caller sends (`io: 'input'`). */
function jsonSchemaOf(schema: unknown, io: 'input' | 'output'): JsonSchema {
  if (!(schema instanceof z.core.$ZodType)) return {};
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12', cycles: 'ref', reused: 'inline' }) as JsonSchema;
  // The document declares the dialect once (jsonSchemaDialect); each schema leaves it out.
  delete converted.$schema;
  return converted;
}

/** A procedure's input schema (several `.input()` calls are merged by tRPC: allOf), or null without input. */
function inputSchemaOf(def: ProcedureDef): { schema: JsonSchema; required: boolean } | null {
  const parsers = def.inputs.filter((p) => p instanceof z.core.$ZodType) as z.core.$ZodType[];
  if (parsers.length === 0) return null;
  const schemas = parsers.map((p) => jsonSchemaOf(p, 'input'));
  // Required unless every parser accepts no input at all.
  const required = parsers.some((p) => !z.safeParse(p, undefined).success);
  return { schema: schemas.length === 1 ? schemas[0]! : { allOf: schemas }, required };
}

const accessText: Record<NonNullable<SifaProcedureMeta['access']>, string> = {
  public: 'Public: anyone, signed in or not.',
  'signed-in': 'Signed in: a session token or an embed token (`Authorization: Bearer …`).',
  permitted: 'Signed in with the permission below.',
  scoped:
    "Signed in with the permission below; runs in one transaction scoped to the caller's org subtree (rows outside it are neither seen nor written). Mutations are audited.",
  'public-read':
    "Public data of the subtree of a publishable key (`x-sifa-key: pk_…`), or of a signed-in caller's own subtree; read only.",
};

function securityOf(access: SifaProcedureMeta['access']): Record<string, string[]>[] | undefined {
  switch (access) {
    case 'public':
      // Optional credentials: the empty requirement means "none needed".
      return [{}, { bearer: [] }];
    case 'public-read':
      return [{ publishableKey: [] }, { bearer: [] }];
    case undefined:
      return undefined;
    default:
      return [{ bearer: [] }];
  }
}

/** The envelope tRPC answers a call with: `{"result":{"data":…}}`. */
const resultEnvelope = (data: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['result'],
  properties: { result: { type: 'object', required: ['data'], properties: { data } } },
});

function errorComponents(): Record<string, JsonSchema> {
  const codes = Object.keys(sifaErrorCodes);
  return {
    Error: {
      type: 'object',
      description: "Every refused call: `message` in the caller's language (`x-sifa-locale` or Accept-Language: zh-CN, en, mn-Mong), `data.sifaCode` to branch on.",
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['message', 'code', 'data'],
          properties: {
            message: { type: 'string' },
            code: { type: 'integer', description: 'The JSON-RPC code tRPC gives the error.' },
            data: {
              type: 'object',
              required: ['sifaCode', 'httpStatus', 'issues', 'details'],
              properties: {
                code: { type: 'string', description: "tRPC's error code." },
                sifaCode: { type: 'string', enum: codes },
                httpStatus: { type: 'integer' },
                path: { type: ['string', 'null'], description: 'The procedure.' },
                issues: {
                  type: 'array',
                  description: 'VALIDATION_FAILED: each field to fix (`path`, dot-separated) and what to fix.',
                  items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
                },
                details: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
                pluginError: { type: ['string', 'null'], description: "A plugin's declared error (`plans.revisionConflict`), whose details have its declared shape." },
                requestId: { type: ['string', 'null'], description: 'Quote it when reporting a problem (also the x-request-id header).' },
              },
            },
          },
        },
      },
    },
  };
}

const errorResponses = {
  '400': { description: 'Bad input (VALIDATION_FAILED names each field) or a malformed request.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': { description: 'Not signed in, or the token has expired (UNAUTHENTICATED).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '403': { description: 'The permission is missing (FORBIDDEN names it), or the origin is not allowed.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  default: { description: 'Any other refusal (NOT_FOUND, CONFLICT, RATE_LIMITED with Retry-After, …).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

const description = `Every procedure of this server, over tRPC's HTTP protocol (JSON, no transformer):

- a **query** is \`GET /trpc/<procedure>?input=<URL-encoded JSON>\` (no \`input\` when it takes none);
- a **mutation** is \`POST /trpc/<procedure>\` with the input as the JSON body (\`content-type: application/json\`);
- a **subscription** is \`GET /trpc/<procedure>?input=…\` with \`accept: text/event-stream\`: server-sent events (\`data\` lines of JSON; \`id\` to resume with \`Last-Event-ID\`).

The answer is \`{"result":{"data":…}}\`, or \`{"error":{…}}\` with the HTTP status of the error (see the Error schema).
Sign in with \`platform.auth.login\` and send its \`token\` as \`Authorization: Bearer <token>\`; public map data needs only a
publishable key in \`x-sifa-key\`. Every signed-in call sees only the caller's org subtree. Several calls may be batched
(\`?batch=1\`, as tRPC's clients do); this document describes single calls.`;

/** Builds the document (without `servers`: the caller adds the public origins). */
export function buildOpenApiDocument(options: OpenApiOptions): Record<string, unknown> {
  const procedures = (options.router as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures;
  const permissionTitles = new Map(options.plugins.flatMap((p) => p.permissions.map((perm) => [perm.name, perm.title] as const)));
  const pluginIds = new Set(options.plugins.map((p) => p.id));
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, { _def: def }] of Object.entries(procedures).sort(([a], [b]) => a.localeCompare(b))) {
    const plugin = path.split('.')[0]!;
    const access = def.meta?.access;
    const permission = def.meta?.permission;
    const input = inputSchemaOf(def);
    // The validated output, or the documented result (`meta.result`), or any JSON value.
    const declared = def.output instanceof z.core.$ZodType ? def.output : def.meta?.result;
    const output = declared ? jsonSchemaOf(declared, 'output') : {};
    const permissionTitle = permission ? permissionTitles.get(permission) : undefined;
    const lines = [access ? accessText[access] : 'Access as its plugin checks it.'];
    if (permission) lines.push(`Permission: \`${permission}\`${permissionTitle ? ` (${bilingual(permissionTitle)})` : ''}.`);
    const operation: Operation = {
      operationId: path,
      tags: [pluginIds.has(plugin) ? plugin : 'other'],
      summary: `${def.type === 'query' ? 'Query' : def.type === 'mutation' ? 'Mutation' : 'Event stream'} ${path}`,
      description: lines.join('\n\n'),
      'x-sifa-type': def.type,
      ...(access ? { 'x-sifa-access': access } : {}),
      ...(permission ? { 'x-sifa-permission': permission } : {}),
    };
    const security = securityOf(access);
    if (security) operation.security = security;
    if (def.type === 'mutation') {
      if (input) operation.requestBody = { required: input.required, content: { 'application/json': { schema: input.schema } } };
    } else if (input) {
      operation.parameters = [
        {
          name: 'input',
          in: 'query',
          required: input.required,
          description: "The input as JSON text (URL-encoded), e.g. `?input=%7B%22code%22%3A%2215%22%7D` for `{\"code\":\"15\"}`.",
          content: { 'application/json': { schema: input.schema } },
        },
      ];
    }
    if (def.type === 'subscription') {
      operation.parameters = [
        ...((operation.parameters as unknown[] | undefined) ?? []),
        { name: 'Last-Event-ID', in: 'header', required: false, description: 'The `id` of the last event seen: the stream resumes after it.', schema: { type: 'string' } },
      ];
      operation.responses = {
        '200': {
          description: 'Server-sent events: `connected`, then one `data:` line of JSON per event (with an `id` when it can be resumed), `ping` every 15 s, `serialized-error` if the stream fails.',
          content: { 'text/event-stream': { schema: { type: 'string' }, 'x-sifa-event': output } },
        },
        ...errorResponses,
      };
    } else {
      operation.responses = {
        '200': { description: 'The result.', content: { 'application/json': { schema: resultEnvelope(output) } } },
        ...errorResponses,
      };
    }
    paths[`/trpc/${path}`] = { [def.type === 'mutation' ? 'post' : 'get']: operation };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Sifa Kit (数字司法所 SDK) API',
      version: options.version,
      description,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: options.plugins.map((p) => ({
      name: p.id,
      description: `${bilingual(p.title)}${p.description ? `: ${bilingual(p.description)}` : ''} (plugin ${p.id} ${p.version})`,
    })),
    paths,
    components: {
      schemas: errorComponents(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A session token (`platform.auth.login`) or an embed token minted by a host backend.' },
        publishableKey: { type: 'apiKey', in: 'header', name: 'x-sifa-key', description: "A publishable key (`pk_…`): public data of its org subtree." },
      },
    },
  };
}
