/**
 * Compile-time proof that the widgets are typed in JSX (`pnpm typecheck` fails when a line below
 * marked @ts-expect-error stops being an error): wrong prop types, unknown props and a wrong use
 * of an event's detail are refused; the right ones pass.
 */
import '@sifa/components/diary';
import '@sifa/components/notifications';
import '@sifa/components/org-picker';
import type {} from '@sifa/components/react';

export const typed = [
  <sifa-notifications key="1" limit={5} inline align="end" />,
  // @ts-expect-error limit is a number property, not a string attribute
  <sifa-notifications key="2" limit="5" />,
  // @ts-expect-error align is 'start' | 'end'
  <sifa-notifications key="3" align="middle" />,
  // @ts-expect-error no such property
  <sifa-org-picker key="4" rooot="1504" />,
  <sifa-org-picker key="5" onsifa-org-change={(event) => event.detail.code?.toUpperCase()} />,
  // @ts-expect-error the detail of sifa-org-change has no `id`
  <sifa-org-picker key="6" onsifa-org-change={(event) => event.detail.id} />,
  // A function-valued property (the diary's working-day calendar) passes as the property itself.
  <sifa-diary key="7" orgCode="150402001" workingDay={(day: string) => !day.endsWith('-01')} />,
  // @ts-expect-error workingDay takes a day and answers a boolean
  <sifa-diary key="8" workingDay={(day: number) => day > 0} />,
];
