/**
 * The warning lifecycle as a state machine (browser-safe, no I/O). People's steps:
 *
 *   raised ──notice──► notice-issued ──assign──► assigned ──respond──► feedback-received ──close──► closed
 *
 * with the shortcuts and loops real supervision needs: the warned org may answer a notice without
 * an assignment; a manager may send insufficient feedback back (assign again) or close at any
 * open state (e.g. a warning raised in error). The system raises, auto-closes a warning whose
 * condition cleared before anyone acted (from `raised` only), reopens such an auto-closed warning
 * when the condition returns, and escalates a warning whose feedback is overdue to the next
 * level up; after an escalation the higher level may notice, assign or close, and the warned org
 * may still answer.
 */
import { warningActions, type WarningAction, type WarningState, type WarningStepKind } from './types.js';

/** People's transitions: state → action → next state. */
export const transitions: Readonly<Record<WarningState, Readonly<Partial<Record<WarningAction, WarningState>>>>> = {
  raised: { notice: 'notice-issued', close: 'closed' },
  'notice-issued': { assign: 'assigned', respond: 'feedback-received', close: 'closed' },
  assigned: { assign: 'assigned', respond: 'feedback-received', close: 'closed' },
  'feedback-received': { assign: 'assigned', close: 'closed' },
  escalated: { notice: 'notice-issued', assign: 'assigned', respond: 'feedback-received', close: 'closed' },
  closed: {},
};

/** States in which feedback is owed by a day (`respondBy`), so it can be overdue and escalate. */
export const awaitingFeedback: ReadonlySet<WarningState> = new Set(['notice-issued', 'assigned']);

/** Who acts in a step: managers are the levels above the warned org; the warned org answers. */
export const actionRole: Readonly<Record<WarningAction, 'manager' | 'warned'>> = {
  notice: 'manager',
  assign: 'manager',
  respond: 'warned',
  close: 'manager',
};

/** The step each action records. */
export const stepOfAction: Readonly<Record<WarningAction, WarningStepKind>> = {
  notice: 'notice',
  assign: 'assign',
  respond: 'respond',
  close: 'close',
};

export function isOpen(state: WarningState): boolean {
  return state !== 'closed';
}

/** The actions allowed from `state`, in lifecycle order. */
export function allowedActions(state: WarningState): WarningAction[] {
  return warningActions.filter((a) => transitions[state][a] !== undefined);
}

/** The next state after `action`, or null when the action is not allowed from `state`. */
export function nextState(state: WarningState, action: WarningAction): WarningState | null {
  return transitions[state][action] ?? null;
}
