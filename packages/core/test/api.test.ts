import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { tracked } from '@trpc/server';
import { createRouter, publicProcedure, scopedProcedure, scopedSubscription, type ApiOf } from '@sifa/core';

const router = createRouter({
  catalog: publicProcedure.query(() => ({ codes: ['a'], at: new Date(0) })),
  save: scopedProcedure('x.write')
    .input(z.object({ title: z.string(), count: z.number().default(1) }))
    .mutation(({ input }) => ({ id: 'x', title: input.title, count: input.count })),
  live: scopedSubscription('x.read')
    .input(z.object({ org: z.string() }))
    .subscription(async function* () {
      yield tracked('1', { total: 3 });
    }),
  nested: createRouter({ deep: publicProcedure.input(z.string()).query(({ input }) => input.length) }),
});

describe('ApiOf', () => {
  it('infers the procedure map a widget calls, from the router', () => {
    type Api = ApiOf<typeof router, 'x'>;
    expectTypeOf<keyof Api>().toEqualTypeOf<'x.catalog' | 'x.save' | 'x.live' | 'x.nested.deep'>();
    // No input: undefined; dates arrive as strings.
    expectTypeOf<Api['x.catalog']>().toEqualTypeOf<{ type: 'query'; input: undefined; output: { codes: string[]; at: string } }>();
    // Inputs as the caller writes them (defaults optional), outputs as the server returns them.
    expectTypeOf<Api['x.save']>().toEqualTypeOf<{ type: 'mutation'; input: { title: string; count?: number | undefined }; output: { id: string; title: string; count: number } }>();
    // A subscription's output is one event's data (tracked envelopes unwrapped).
    expectTypeOf<Api['x.live']>().toEqualTypeOf<{ type: 'subscription'; input: { org: string }; output: { total: number } }>();
    expectTypeOf<Api['x.nested.deep']>().toEqualTypeOf<{ type: 'query'; input: string; output: number }>();
  });
});
