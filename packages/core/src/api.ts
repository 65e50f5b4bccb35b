/**
 * `ApiOf<Router, 'prefix'>`: a plugin's procedure map (path → { type, input, output }) inferred
 * from its router, in the shape `SifaClient` calls are typed with. A plugin's common entry
 * exports it (`export type PlansApi = ApiOf<PlansRouter, 'plans'>`, the router imported with
 * `import type`), so widgets and integrators are typed by what the server really serves and no
 * type is written twice. Outputs are as the wire carries them (dates as strings); a
 * subscription's output is one event's data.
 */
import type { AnyProcedure, AnyRouter, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { TrackedData } from '@trpc/server/unstable-core-do-not-import';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** One event of a subscription as the client receives it (a tracked event's data). */
type EventOf<T> = T extends AsyncIterable<infer U> ? (U extends TrackedData<infer D> ? D : U) : T;

/** A procedure without input takes `undefined` (tRPC says `void`). */
type InputOf<T> = [T] extends [void] ? undefined : T;

type Entries<TRecord, TInputs, TOutputs, TPrefix extends string> = {
  [K in keyof TRecord & keyof TInputs & keyof TOutputs & string]: TRecord[K] extends AnyProcedure
    ? {
        [P in `${TPrefix}.${K}`]: {
          type: TRecord[K]['_def']['type'];
          input: InputOf<TInputs[K]>;
          output: TRecord[K]['_def']['type'] extends 'subscription' ? EventOf<TOutputs[K]> : TOutputs[K];
        };
      }
    : TRecord[K] extends Record<string, unknown>
      ? Entries<TRecord[K], TInputs[K], TOutputs[K], `${TPrefix}.${K}`>
      : never;
}[keyof TRecord & keyof TInputs & keyof TOutputs & string];

/** The procedure map of `TRouter` mounted under `TPrefix` (a plugin's id), nested routers flattened with dots. */
export type ApiOf<TRouter extends AnyRouter, TPrefix extends string> = Simplify<
  UnionToIntersection<Entries<TRouter['_def']['record'], inferRouterInputs<TRouter>, inferRouterOutputs<TRouter>, TPrefix>>
>;
