/**
 * <sifa-cases> against an in-memory fake (./cases-fake.ts): a DEMO people's-mediation case type
 * and a few dozen DEMO cases. Locale and theme come from the toolbar.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { casesFake } from './cases-fake.js';
import '../src/cases/define.js';

interface CasesArgs {
  case: string;
  role: 'office_staff' | 'county_admin';
  conflict: boolean;
}

const meta: Meta<CasesArgs> = {
  title: 'Widgets/sifa-cases',
  component: 'sifa-cases',
  args: { case: '', role: 'office_staff', conflict: false },
  argTypes: {
    case: { control: 'text', description: 'The open case file’s id (empty: the list).' },
    role: { control: 'inline-radio', options: ['office_staff', 'county_admin'], description: 'Office staff open cases and take steps; a county administrator reads, with personal data masked.' },
    conflict: { control: 'boolean', description: 'The next step submitted meets a change someone else made first (CONFLICT).' },
  },
  render: (args, context) => {
    casesFake.role = args.role;
    casesFake.masked = args.role === 'county_admin';
    casesFake.conflictNext = args.conflict;
    const theme = String(context.globals['theme'] ?? 'light');
    return html`<sifa-cases type="mediation.case" theme=${theme} case=${ifDefined(args.case || undefined)}></sifa-cases>`;
  },
};
export default meta;

type Story = StoryObj<CasesArgs>;

export const Default: Story = {};

/** A county administrator: reads every office's cases, personal data masked, no steps. */
export const CountyAdministrator: Story = { args: { role: 'county_admin' } };

/** The next submission finds the case changed by someone else: the form stays, the change is told. */
export const Conflict: Story = { args: { conflict: true } };

/** Vertical traditional Mongolian script. */
export const Mongolian: Story = { globals: { locale: 'mn-Mong' } };

/** 适老化: large type and targets. */
export const Elderly: Story = { globals: { theme: 'elderly' } };

/** Dark. */
export const Dark: Story = { globals: { theme: 'dark' } };
