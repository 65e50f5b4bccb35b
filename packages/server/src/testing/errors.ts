/**
 * Error helpers: what a failed call answered, as the client sees it.
 */
import { TRPCClientError } from '@trpc/client';
import type { FieldIssue, SifaErrorCode } from '@sifa/core';

/** The `data` of every Sifa error answer (see the README's "Calling the API"). */
export interface SifaErrorData {
  sifaCode: SifaErrorCode;
  httpStatus: number;
  issues: FieldIssue[];
  details: Record<string, unknown>;
  /** A plugin's declared error (`'<plugin>.<name>'`), whose `details` have its declared shape; null otherwise. */
  pluginError: string | null;
  requestId: string | null;
}

/**
 * The message (in the client's locale) and data of a call that must fail with a Sifa error:
 * `expect((await sifaErrorOf(client.x.y.mutate(input))).data.sifaCode).toBe('FORBIDDEN')`.
 * Throws when the call succeeded, and rethrows what is not an answer of the server.
 */
export async function sifaErrorOf(promise: Promise<unknown>): Promise<{ message: string; data: SifaErrorData }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return { message: error.message, data: error.data as SifaErrorData };
    }
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

/** The Sifa error code a call failed with (throws when it succeeded). */
export async function sifaCodeOf(promise: Promise<unknown>): Promise<SifaErrorCode> {
  return (await sifaErrorOf(promise)).data.sifaCode;
}

/** What `rawFetch` read: status, headers, the body as text and, when it parses, as JSON. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the server answered
  json: any;
}

/** Raw HTTP against the server, for what a typed client would never send. */
export async function rawFetch(url: string, init?: RequestInit): Promise<RawResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, json };
}
