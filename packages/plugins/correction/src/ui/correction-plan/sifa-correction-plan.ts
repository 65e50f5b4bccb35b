/**
 * <sifa-correction-plan case-id="…">: one person's correction plan (社区矫正法 art. 24). The
 * profile (a form over the current catalogue's conditions, grouped, saved with its revision;
 * the server's typed errors shown next to their fields), the generated plan with every measure
 * and why the rules chose it, staff overrides with a reason, re-generation shown as a diff before
 * it is applied, the tasks (complete with a note) and the latest monthly evaluation (accept or
 * reject its suggested class change with a reason). Above the owning office the server masks
 * the person's values: the widget says so instead of showing them.
 *
 * When a <sifa-correction-caseload> on the page selects a person (`sifa-correction-case-select`)
 * and the host does not cancel the event, the element follows it.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CorrectionApi } from '../../index.js';
import type { Condition } from '../../plan/catalogue.js';
import { formatDate, SifaClientError, SifaElement } from '@sifa/components';
import { correctionPlanMessages, type CorrectionPlanMessageKey } from './messages.js';
import { correctionPlanStyles } from './sifa-correction-plan.styles.js';

type Api = { [K in keyof CorrectionApi]: CorrectionApi[K] };
type Out<K extends keyof Api> = Api[K] extends { output: infer O } ? O : never;
export type ProfileView = Out<'correction.profile.get'>;
export type PlanView = Out<'correction.plan.get'>;
export type PreviewView = Out<'correction.plan.preview'>;
export type TaskView = Out<'correction.tasks.list'>[number];
export type EvaluationView = Out<'correction.evaluation.list'>[number];
export type CatalogueView = Out<'correction.caseload.catalogue'>;
type Measure = PlanView['measures'][number];
type Text = { zh: string; en: string; mn?: string | undefined };

/** `sifa-correction-plan-change`: the plan, profile, a task or an evaluation changed. */
export interface CorrectionPlanChangeDetail {
  caseId: string;
  action: 'profile' | 'generate' | 'apply' | 'override' | 'task' | 'evaluation';
}

/** Groups of the profile form: the demo catalogue's condition ids; any other condition goes under "other". */
const groups: [CorrectionPlanMessageKey, string[]][] = [
  ['groupBasic', ['sex', 'age', 'juvenile', 'pregnant-or-nursing', 'health', 'education-level']],
  ['groupCorrection', ['subject-kind', 'management-class', 'stage', 'months-in-correction', 'months-remaining', 'risk-level']],
  ['groupOffence', ['offence-type', 'offence-cause', 'serious-circumstances', 'remorse', 'prior-convictions', 'reprimands']],
  ['groupMind', ['psych-state', 'psych-score', 'family', 'dependants']],
  ['groupLiving', ['employment', 'monthly-income', 'residence', 'household-elsewhere', 'addiction']],
];

const tasksShownAtOnce = 8;

/** What a small form is open for: removing/restoring a measure, adding one, completing a task, deciding an evaluation. */
type Open = { kind: 'remove' | 'restore'; measure: string } | { kind: 'add' } | { kind: 'task'; taskId: string } | { kind: 'decide'; evaluationId: string; decision: 'accept' | 'reject' } | null;

/**
 * @summary One person's correction plan: profile form, generated measures with their reasons,
 * overrides with reasons, re-generation as a diff, tasks and the monthly evaluation.
 *
 * @fires sifa-correction-plan-change - Something of the plan changed through the widget. Detail: `CorrectionPlanChangeDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart profile - The profile section (form or summary).
 * @csspart plan - The plan's measures.
 * @csspart diff - The re-generation preview.
 * @csspart tasks - The task list.
 * @csspart evaluation - The latest evaluation.
 *
 * @cssprop --sifa-correction-plan-vertical-size - Height of the widget laid out vertically (Mongolian); default 44em.
 */
export class SifaCorrectionPlan extends SifaElement {
  static override styles = [...SifaElement.styles, ...correctionPlanStyles];

  /** The `correction.case` file whose plan is shown. */
  @property({ attribute: 'case-id', reflect: true }) caseId: string | undefined;

  @state() private catalogue: CatalogueView | null = null;
  @state() private profile: ProfileView | null = null;
  @state() private plan: PlanView | null = null;
  @state() private preview: PreviewView | null = null;
  @state() private tasks: TaskView[] = [];
  @state() private evaluations: EvaluationView[] = [];
  @state() private loading = false;
  @state() private loadError: string | null = null;
  @state() private editing = false;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private formError: string | null = null;
  @state() private conflict = false;
  @state() private open: Open = null;
  @state() private smallError: string | null = null;
  @state() private busy = false;
  @state() private allTasks = false;
  @state() private announcement = '';

  private loadSeq = 0;
  private focusNext: string | null = null;
  /** The diff's rendering: a chunk loaded with the first preview (rarely used). */
  @state() private diffView: typeof import('./diff-view.js') | null = null;

  private t(key: CorrectionPlanMessageKey, params?: Record<string, string | number>): string {
    return correctionPlanMessages.t(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('sifa-correction-case-select', this.onSelect);
    if (this.caseId) void this.track(this.load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('sifa-correction-case-select', this.onSelect);
  }

  /** A caseload on the page selected a person: follow, unless the host handled it (preventDefault). */
  private readonly onSelect = (event: Event) => {
    const detail = (event as CustomEvent<{ caseId: string }>).detail;
    queueMicrotask(() => {
      if (!event.defaultPrevented && detail?.caseId && detail.caseId !== this.caseId) this.caseId = detail.caseId;
    });
  };

  protected override configChanged(): void {
    if (this.caseId) void this.track(this.load());
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(correctionPlanMessages, this.locale);
    if (this.hasUpdated && this.isConnected && changed.has('caseId')) {
      this.reset();
      if (this.caseId) void this.track(this.load());
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (!target) return;
    this.focusNext = null;
    target.focus();
  }

  private focusWhenShown(selector: string): void {
    this.focusNext = selector;
    this.requestUpdate();
  }

  private reset(): void {
    this.profile = null;
    this.plan = null;
    this.preview = null;
    this.tasks = [];
    this.evaluations = [];
    this.editing = false;
    this.open = null;
    this.fieldErrors = {};
    this.formError = null;
    this.conflict = false;
    this.allTasks = false;
  }

  /** Reloads everything (after changes made elsewhere). */
  async refresh(): Promise<void> {
    await this.track(this.load());
  }

  // ---- data -----------------------------------------------------------------------------------

  private async load(): Promise<void> {
    const caseId = this.caseId;
    if (!caseId) return;
    const seq = ++this.loadSeq;
    this.loading = true;
    try {
      const c = this.client;
      const [catalogue, profile, plan, tasks, evaluations] = await Promise.all([
        this.catalogue ? Promise.resolve(this.catalogue) : c.query<Api, 'correction.caseload.catalogue'>('correction.caseload.catalogue', {}, this.locale),
        c.query<Api, 'correction.profile.get'>('correction.profile.get', { caseId }, this.locale),
        c.query<Api, 'correction.plan.get'>('correction.plan.get', { caseId }, this.locale).catch((error: unknown) => {
          if (error instanceof SifaClientError && error.sifaCode === 'NOT_FOUND' && error.details['caseId'] === caseId) return null;
          throw error;
        }),
        c.query<Api, 'correction.tasks.list'>('correction.tasks.list', { caseId, limit: 200 }, this.locale),
        c.query<Api, 'correction.evaluation.list'>('correction.evaluation.list', { caseId }, this.locale),
      ]);
      if (seq !== this.loadSeq) return;
      this.catalogue = catalogue;
      this.profile = profile;
      this.plan = plan;
      this.tasks = tasks.filter((task) => task.status !== 'cancelled');
      this.evaluations = evaluations;
      this.loadError = null;
      this.conflict = false;
      // No profile yet (and allowed to write one): the form is open from the start.
      if (profile.revision === 0 && !profile.masked) this.editing = true;
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.loadError = this.t('loadFailed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private changed(action: CorrectionPlanChangeDetail['action']): void {
    this.emit<CorrectionPlanChangeDetail>('sifa-correction-plan-change', { caseId: this.caseId!, action });
  }

  private async reloadTasks(): Promise<void> {
    const tasks = await this.client.query<Api, 'correction.tasks.list'>('correction.tasks.list', { caseId: this.caseId!, limit: 200 }, this.locale);
    this.tasks = tasks.filter((task) => task.status !== 'cancelled');
  }

  /** The form's values as the catalogue types them; empty fields are left out (the server names them). */
  private formValues(form: HTMLFormElement): Record<string, unknown> {
    const data = new FormData(form);
    const values: Record<string, unknown> = {};
    for (const c of this.catalogue?.conditions ?? []) {
      const raw = String(data.get(c.id) ?? '').trim();
      if (raw === '') continue;
      if (c.kind === 'boolean') values[c.id] = raw === 'true';
      else if (c.kind === 'number') values[c.id] = Number(raw);
      else values[c.id] = raw;
    }
    return values;
  }

  private async saveProfile(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.profile || !this.caseId) return;
    const conditions = this.formValues(event.target as HTMLFormElement);
    this.busy = true;
    this.fieldErrors = {};
    this.formError = null;
    this.conflict = false;
    try {
      const saved = await this.client.mutate<Api, 'correction.profile.set'>('correction.profile.set', { caseId: this.caseId, revision: this.profile.revision, conditions }, this.locale);
      this.profile = saved;
      this.editing = false;
      this.announcement = this.t('saved', { revision: saved.revision });
      if (this.plan) this.plan = { ...this.plan, profileChanged: saved.revision !== this.plan.profileRevision };
      this.changed('profile');
      this.focusWhenShown('[data-action="edit-profile"]');
    } catch (error) {
      if (error instanceof SifaClientError && error.issues.length) {
        const fields: Record<string, string> = {};
        const other: string[] = [];
        for (const issue of error.issues) {
          const id = issue.path.startsWith('conditions.') ? issue.path.slice('conditions.'.length) : null;
          if (id && this.catalogue?.conditions.some((c) => c.id === id)) fields[id] ??= issue.message;
          else other.push(issue.message);
        }
        this.fieldErrors = fields;
        this.formError = other.length ? other.join(' ') : this.t('fixErrors');
        this.focusWhenShown('[aria-invalid="true"]');
      } else {
        this.conflict = error instanceof SifaClientError && error.sifaCode === 'CONFLICT';
        this.formError = error instanceof Error ? error.message : String(error);
        this.focusWhenShown('.profile-form .error');
      }
    } finally {
      this.busy = false;
    }
  }

  /** Runs a plan change; shows its error in the open small form (or the announcement). */
  private async run<T>(work: () => Promise<T>, done: (result: T) => void): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.smallError = null;
    try {
      done(await work());
    } catch (error) {
      this.smallError = error instanceof Error ? error.message : String(error);
      this.focusWhenShown('.small-error');
    } finally {
      this.busy = false;
    }
  }

  private async generate(): Promise<void> {
    const caseId = this.caseId!;
    await this.run(
      () => this.client.mutate<Api, 'correction.plan.generate'>('correction.plan.generate', { caseId }, this.locale),
      (plan) => {
        this.plan = plan;
        this.preview = null;
        this.announcement = this.t('generated', { count: plan.measures.length });
        this.changed('generate');
        void this.track(this.reloadTasks());
        this.focusWhenShown('#plan-title');
      },
    );
  }

  private async showPreview(): Promise<void> {
    const caseId = this.caseId!;
    await this.run(
      async () => {
        const [preview, view] = await Promise.all([this.client.query<Api, 'correction.plan.preview'>('correction.plan.preview', { caseId }, this.locale), this.diffView ?? import('./diff-view.js')]);
        this.diffView = view;
        return preview;
      },
      (preview) => {
        this.preview = preview;
        this.focusWhenShown('#diff-title');
      },
    );
  }

  private async applyPreview(): Promise<void> {
    const caseId = this.caseId!;
    const hash = this.preview!.hash;
    await this.run(
      () => this.client.mutate<Api, 'correction.plan.applyPreview'>('correction.plan.applyPreview', { caseId, hash }, this.locale),
      (plan) => {
        this.plan = plan;
        this.preview = null;
        this.announcement = this.t('applied');
        this.changed('apply');
        void this.track(this.reloadTasks());
        this.focusWhenShown('#plan-title');
      },
    );
  }

  private reasonOf(form: HTMLFormElement, field = 'reason'): string | null {
    const value = String(new FormData(form).get(field) ?? '').trim();
    return value || null;
  }

  private async submitOverride(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const open = this.open;
    if (!open || !this.plan || !(open.kind === 'remove' || open.kind === 'restore' || open.kind === 'add')) return;
    const reason = this.reasonOf(form);
    if (!reason) {
      this.smallError = this.t('reasonRequired');
      this.focusWhenShown('textarea[name="reason"]');
      return;
    }
    const caseId = this.caseId!;
    const revision = this.plan.revision;
    const measureId = open.kind === 'add' ? String(new FormData(form).get('measure') ?? '') : open.measure;
    await this.run(
      () =>
        open.kind === 'restore'
          ? this.client.mutate<Api, 'correction.plan.overrides.remove'>('correction.plan.overrides.remove', { caseId, revision, measureId, reason }, this.locale)
          : this.client.mutate<Api, 'correction.plan.overrides.add'>('correction.plan.overrides.add', { caseId, revision, measureId, action: open.kind === 'add' ? 'add' : 'remove', reason }, this.locale),
      (plan) => {
        this.plan = plan;
        this.open = null;
        this.announcement = this.t('changed');
        this.changed('override');
        void this.track(this.reloadTasks());
        this.focusWhenShown(open.kind === 'add' ? '[data-action="add"]' : '#plan-title');
      },
    );
  }

  private async submitTask(event: SubmitEvent, task: TaskView): Promise<void> {
    event.preventDefault();
    const note = this.reasonOf(event.target as HTMLFormElement, 'note');
    if (!note) {
      this.smallError = this.t('noteRequired');
      this.focusWhenShown('textarea[name="note"]');
      return;
    }
    await this.run(
      () => this.client.mutate<Api, 'correction.tasks.complete'>('correction.tasks.complete', { taskId: task.id, note }, this.locale),
      (done) => {
        this.tasks = this.tasks.map((x) => (x.id === done.id ? done : x));
        this.open = null;
        this.announcement = this.t('taskCompleted', { measure: this.measureName(task.measure) });
        this.changed('task');
        this.focusWhenShown(`[data-task="${task.id}"]`);
      },
    );
  }

  private async submitDecision(event: SubmitEvent, evaluation: EvaluationView, decision: 'accept' | 'reject'): Promise<void> {
    event.preventDefault();
    const reason = this.reasonOf(event.target as HTMLFormElement);
    if (!reason) {
      this.smallError = this.t('reasonRequired');
      this.focusWhenShown('textarea[name="reason"]');
      return;
    }
    await this.run(
      () => this.client.mutate<Api, 'correction.evaluation.decide'>('correction.evaluation.decide', { evaluationId: evaluation.id, decision, reason }, this.locale),
      (decided) => {
        this.evaluations = this.evaluations.map((x) => (x.id === decided.id ? decided : x));
        this.open = null;
        this.announcement = this.t('decided');
        this.changed('evaluation');
        this.focusWhenShown('#evaluation-title');
      },
    );
  }

  private openForm(open: Open, focus: string): void {
    this.open = open;
    this.smallError = null;
    this.focusWhenShown(focus);
  }

  private closeForm(focus: string): void {
    this.open = null;
    this.smallError = null;
    this.focusWhenShown(focus);
  }

  // ---- text -------------------------------------------------------------------------------------

  /** A catalogue or server label in the UI language (Mongolian where the catalogue has it, else Chinese marked as such). */
  private label(text: Text | null | undefined): string | TemplateResult {
    if (!text) return '';
    if (this.ui === 'en') return text.en;
    if (this.ui === 'mn-Mong') return text.mn ? text.mn : html`<span lang="zh-CN">${text.zh}</span>`;
    return text.zh;
  }

  /** Text staff typed (reasons, notes): as entered, marked Chinese outside the Chinese UI. */
  private entered(text: string): TemplateResult {
    return this.ui === 'zh-CN' || !/[\u3400-\u9fff]/.test(text) ? html`${text}` : html`<span lang="zh-CN">${text}</span>`;
  }

  private labelText(text: Text): string {
    return this.ui === 'en' ? text.en : this.ui === 'mn-Mong' ? (text.mn ?? text.zh) : text.zh;
  }

  private measureName(id: string): string {
    const m = this.catalogue?.measures.find((x) => x.id === id) ?? this.plan?.measures.find((x) => x.measure === id);
    return m ? this.labelText(m.label) : id;
  }

  private day(day: string): string {
    if (this.ui !== 'mn-Mong') return formatDate(this.ui, day, { dateStyle: 'medium' });
    return this.t('dayDate', { year: day.slice(0, 4), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
  }

  private classLabel(value: string): string {
    const key = ({ strict: 'classStrict', normal: 'classNormal', lenient: 'classLenient' } as Record<string, CorrectionPlanMessageKey>)[value];
    return key ? this.t(key) : value;
  }

  private frequency(f: unknown): string {
    const x = f as { every?: string; times?: number; hoursPerMonth?: number };
    if (x.hoursPerMonth !== undefined) return this.t('freqHours', { hours: x.hoursPerMonth });
    if (x.every === 'once') return this.t('freqOnce');
    const unit = ({ day: 'unitDay', week: 'unitWeek', month: 'unitMonth', quarter: 'unitQuarter' } as Record<string, CorrectionPlanMessageKey>)[x.every ?? ''];
    return unit ? this.t('freqTimes', { unit: this.t(unit), times: x.times ?? 1 }) : '';
  }

  private kindName(kind: string): string {
    const key = ({ supervision: 'kindSupervision', education: 'kindEducation', assistance: 'kindAssistance' } as Record<string, CorrectionPlanMessageKey>)[kind];
    return key ? this.t(key) : kind;
  }

  private list(items: string[]): string {
    return items.join(this.ui === 'zh-CN' ? '、' : ', ');
  }

  // ---- render -----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const vertical = this.ui === 'mn-Mong';
    const drafts = vertical && correctionPlanMessages.mnDrafts.size > 0;
    return html`
      <section part="base" class="frame ${vertical ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'} data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <header class="head">
          <h2 id="title">${this.t('title')}</h2>
          ${this.plan ? html`<span class="muted">${this.ui === 'zh-CN' ? this.t('caseNumber', { number: this.plan.caseNumber }) : html`${this.t('caseNumber', { number: '' })}<span lang="zh-CN">${this.plan.caseNumber}</span>`}</span>` : nothing}
          ${this.caseId ? html`<button type="button" class="refresh" @click=${() => (this.loading ? undefined : void this.refresh())} aria-disabled=${this.loading ? 'true' : 'false'}>${this.t('refresh')}</button>` : nothing}
        </header>
        <p class="announce" role="status">${this.announcement}</p>
        ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
        ${!this.caseId
          ? html`<p class="muted">${this.t('noCase')}</p>`
          : !this.profile || !this.catalogue
            ? this.loading
              ? html`<p class="muted">${this.t('loading')}</p>`
              : nothing
            : html`${this.renderProfile(this.profile, this.catalogue)} ${this.renderPlan()} ${this.renderTasks()} ${this.renderEvaluation()}`}
      </section>
    `;
  }

  private grouped(catalogue: CatalogueView): [CorrectionPlanMessageKey, Condition[]][] {
    const byId = new Map(catalogue.conditions.map((c) => [c.id, c as Condition]));
    const used = new Set<string>();
    const out: [CorrectionPlanMessageKey, Condition[]][] = [];
    for (const [key, ids] of groups) {
      const members = ids.map((id) => byId.get(id)).filter((c): c is Condition => !!c);
      members.forEach((c) => used.add(c.id));
      if (members.length) out.push([key, members]);
    }
    const rest = catalogue.conditions.filter((c) => !used.has(c.id)) as Condition[];
    if (rest.length) out.push(['groupOther', rest]);
    return out;
  }

  private valueText(c: Condition, value: unknown): string | TemplateResult {
    if (value === undefined || value === null) return '—';
    if (c.kind === 'boolean') return value ? this.t('yes') : this.t('no');
    if (c.kind === 'enum') {
      const option = c.options.find((o) => o.value === value);
      return option ? this.label(option.label) : String(value);
    }
    return html`${String(value)} ${this.label(c.unit)}`;
  }

  private renderProfile(profile: ProfileView, catalogue: CatalogueView): TemplateResult {
    const values = profile.conditions ?? {};
    return html`
      <section part="profile" class="section profile" aria-labelledby="profile-title">
        <h3 id="profile-title">${this.t('profileTitle')} ${profile.revision > 0 ? html`<span class="badge">${this.t('profileRevision', { revision: profile.revision })}</span>` : nothing}</h3>
        ${profile.masked
          ? html`<p class="masked-note" data-masked="profile"><span class="masked" aria-hidden="true">${this.t('masked')}</span> ${this.t('profileMasked')}</p>`
          : this.editing
            ? this.renderProfileForm(catalogue, values)
            : html`
                ${profile.revision === 0
                  ? html`<p class="muted">${this.t('profileNone')}</p>`
                  : html`<div class="groups">
                      ${this.grouped(catalogue).map(
                        ([key, conditions]) => html`<div class="group">
                          <h4>${this.t(key)}</h4>
                          <dl class="values">${conditions.map((c) => html`<div class="pair"><dt>${this.label(c.label)}</dt><dd>${this.valueText(c, values[c.id])}</dd></div>`)}</dl>
                        </div>`,
                      )}
                    </div>`}
                <div class="actions"><button type="button" data-action="edit-profile" @click=${() => this.startEditing()}>${this.t('editProfile')}</button></div>
              `}
      </section>
    `;
  }

  private startEditing(): void {
    this.editing = true;
    this.fieldErrors = {};
    this.formError = null;
    this.focusWhenShown('.profile-form select, .profile-form input');
  }

  private renderProfileForm(catalogue: CatalogueView, values: Record<string, unknown>): TemplateResult {
    const control = (c: Condition) => {
      const id = `c-${c.id}`;
      const error = this.fieldErrors[c.id];
      const common = { invalid: error ? 'true' : 'false', described: error ? `${id}-error` : undefined };
      const value = values[c.id];
      if (c.kind === 'number')
        return html`<input id=${id} name=${c.id} type="number" inputmode=${c.integer ? 'numeric' : 'decimal'} min=${ifDefined(c.min)} max=${ifDefined(c.max)} step=${c.integer ? '1' : 'any'}
            .value=${value === undefined ? '' : String(value)} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)} /><span class="unit">${this.label(c.unit)}</span>`;
      const options = c.kind === 'boolean' ? [{ value: 'true', text: this.t('yes') as string | TemplateResult }, { value: 'false', text: this.t('no') }] : c.options.map((o) => ({ value: o.value, text: this.label(o.label) }));
      const current = value === undefined ? '' : String(value);
      return html`<select id=${id} name=${c.id} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)}>
        <option value="" ?selected=${current === ''}>${this.t('choose')}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === current}>${o.text}</option>`)}
      </select>`;
    };
    return html`
      <form class="profile-form" novalidate @submit=${(e: SubmitEvent) => void this.saveProfile(e)}>
        ${this.grouped(catalogue).map(
          ([key, conditions]) => html`<fieldset class="group">
            <legend>${this.t(key)}</legend>
            ${conditions.map(
              (c) => html`<div class="field" data-field=${c.id}>
                <label for="c-${c.id}">${this.label(c.label)}</label>
                <span class="control">${control(c)}</span>
                ${this.fieldErrors[c.id] ? html`<p id="c-${c.id}-error" class="field-error">${this.fieldErrors[c.id]}</p>` : nothing}
              </div>`,
            )}
          </fieldset>`,
        )}
        ${this.formError
          ? html`<p class="error" role="alert" tabindex="-1">${this.formError} ${this.conflict ? html`<button type="button" class="link" @click=${() => void this.refresh()}>${this.t('reload')}</button>` : nothing}</p>`
          : nothing}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('saveProfile')}</button>
          ${this.profile && this.profile.revision > 0
            ? html`<button type="button" @click=${() => ((this.editing = false), (this.fieldErrors = {}), (this.formError = null), this.focusWhenShown('[data-action="edit-profile"]'))}>${this.t('cancel')}</button>`
            : nothing}
        </div>
      </form>
    `;
  }

  private renderPlan(): TemplateResult {
    const plan = this.plan;
    const canGenerate = !!this.profile && this.profile.revision > 0 && !this.profile.masked;
    return html`
      <section part="plan" class="section plan" aria-labelledby="plan-title">
        <h3 id="plan-title" tabindex="-1">${this.t('planTitle')} ${plan ? html`<span class="badge">${this.t('measuresCount', { count: plan.measures.length })}</span>` : nothing}</h3>
        ${this.smallError && !this.open ? html`<p class="error small-error" role="alert" tabindex="-1">${this.smallError}</p>` : nothing}
        ${!plan
          ? html`<p class="muted">${this.t('noPlan')} ${canGenerate ? nothing : this.t('needProfile')}</p>
              ${canGenerate ? html`<div class="actions"><button type="button" class="primary" data-action="generate" ?disabled=${this.busy} @click=${() => void this.generate()}>${this.t('generate')}</button></div>` : nothing}`
          : html`
              <p class="meta">
                ${this.t('planMeta', { catalogue: this.labelText(plan.catalogue.title), version: plan.catalogue.version, revision: plan.revision, profileRevision: plan.profileRevision })}
                ${plan.catalogue.demo ? html`<span class="badge demo">${this.t('demo')}</span>` : nothing}
              </p>
              ${plan.profileChanged && !this.preview
                ? html`<div class="notice"><p>${this.t('profileChanged')}</p><button type="button" data-action="preview" ?disabled=${this.busy} @click=${() => void this.showPreview()}>${this.t('preview')}</button></div>`
                : nothing}
              ${this.preview ? this.renderPreview(this.preview) : nothing}
              <ul class="measures">${plan.measures.map((m) => this.renderMeasure(m, plan))}</ul>
              ${plan.removedByStaff.length
                ? html`<h4>${this.t('removedTitle')}</h4>
                    <ul class="measures removed">
                      ${plan.removedByStaff.map(
                        (r) => html`<li class="measure" data-measure=${r.measure}>
                          <div class="measure-head"><strong>${this.label(r.label)}</strong></div>
                          <p class="staff">${this.t('staffRemoved', { reason: '' })}${this.entered(r.staff.reason)}</p>
                          ${this.renderOverrideControl(r.measure, 'restore')}
                        </li>`,
                      )}
                    </ul>`
                : nothing}
              ${plan.masked ? nothing : this.renderAdd(plan)}
            `}
      </section>
    `;
  }

  private renderMeasure(m: Measure, plan: PlanView): TemplateResult {
    const rules = m.chosenBy.map((r) => this.labelText(r.label));
    return html`<li class="measure" data-measure=${m.measure}>
      <div class="measure-head">
        <strong>${this.label(m.label)}</strong>
        <span class="badge">${this.label(m.categoryLabel)}</span>
        <span class="muted">${this.kindName(m.kind)} · ${this.frequency(m.frequency)}</span>
      </div>
      ${this.who(m)}
      ${m.staff ? html`<p class="staff">${this.t('staffAdded', { reason: '' })}${this.entered(m.staff.reason)}</p>` : nothing}
      <div class="why">
        <span class="why-label">${this.t('why')}</span>
        ${plan.masked || !m.explanation
          ? html`${rules.length ? html`<p>${this.t('chosenBy', { rules: this.list(rules) })}</p>` : nothing}<p class="muted" data-masked="reasons">${this.t('maskedReasons')}</p>`
          : html`<p class="explanation">${this.label(m.explanation)}</p>
              ${m.chosenBy.length
                ? html`<details class="conditions">
                    <summary>${this.t('chosenBy', { rules: this.list(rules) })}</summary>
                    <ul class="reasons">
                      ${m.chosenBy.map((r) => html`<li><span class="rule">${this.label(r.label)}</span>${r.because.length ? html`: ${r.because.map((b, i) => html`${i ? (this.ui === 'zh-CN' ? '；' : '; ') : ''}${this.label(b.text)}`)}` : nothing}</li>`)}
                    </ul>
                  </details>`
                : nothing}`}
      </div>
      ${plan.masked ? nothing : this.renderOverrideControl(m.measure, m.staff?.action === 'add' ? 'restore' : 'remove')}
    </li>`;
  }

  /** The measure's role and who carries it out (a role without an account: who arranges it). */
  private who(x: { roleLabel: Text | null; assigneeName: string | null; overseen: boolean }): TemplateResult {
    return html`<p class="muted who">${this.t(x.overseen ? 'arranged' : 'assigned', { role: x.roleLabel ? this.labelText(x.roleLabel) : '', name: x.assigneeName ?? '' })}</p>`;
  }

  private renderOverrideControl(measure: string, kind: 'remove' | 'restore'): TemplateResult | typeof nothing {
    if (this.plan?.masked) return nothing;
    const open = this.open;
    if (open && (open.kind === 'remove' || open.kind === 'restore') && open.measure === measure)
      return html`<form class="small-form" novalidate @submit=${(e: SubmitEvent) => void this.submitOverride(e)}>
        <label for="reason-${measure}">${this.t('reason')}</label>
        <textarea id="reason-${measure}" name="reason" rows="2" maxlength="500" aria-required="true" aria-invalid=${this.smallError ? 'true' : 'false'} aria-describedby=${ifDefined(this.smallError ? `reason-${measure}-error` : undefined)}></textarea>
        ${this.smallError ? html`<p id="reason-${measure}-error" class="field-error small-error">${this.smallError}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${kind === 'remove' ? this.t('confirmRemove') : this.t('confirmRestore')}</button>
          <button type="button" @click=${() => this.closeForm(`[data-override="${kind}"][data-for="${measure}"]`)}>${this.t('cancel')}</button>
        </div>
      </form>`;
    return html`<div class="actions"><button type="button" class="link" data-override=${kind} data-for=${measure} @click=${() => this.openForm({ kind, measure }, `#reason-${measure}`)}>${kind === 'remove' ? this.t('remove') : this.t('restore')}</button></div>`;
  }

  private renderAdd(plan: PlanView): TemplateResult {
    const present = new Set([...plan.measures.map((m) => m.measure), ...plan.removedByStaff.map((m) => m.measure)]);
    const candidates = (this.catalogue?.measures ?? []).filter((m) => !present.has(m.id));
    if (!candidates.length) return html``;
    if (this.open?.kind !== 'add') return html`<div class="actions"><button type="button" data-action="add" @click=${() => this.openForm({ kind: 'add' }, '#add-measure')}>${this.t('addTitle')}</button></div>`;
    const categories = this.catalogue?.categories ?? [];
    return html`<form class="small-form add-form" novalidate aria-labelledby="add-title" @submit=${(e: SubmitEvent) => void this.submitOverride(e)}>
      <p id="add-title" class="form-title">${this.t('addTitle')}</p>
      <label for="add-measure">${this.t('addMeasure')}</label>
      <select id="add-measure" name="measure">
        ${categories.map((c) => {
          const members = candidates.filter((m) => m.category === c.id);
          return members.length ? html`<optgroup label=${this.labelText(c.label)}>${members.map((m) => html`<option value=${m.id}>${this.labelText(m.label)}</option>`)}</optgroup>` : nothing;
        })}
      </select>
      <label for="reason-add">${this.t('reason')}</label>
      <textarea id="reason-add" name="reason" rows="2" maxlength="500" aria-required="true" aria-invalid=${this.smallError ? 'true' : 'false'} aria-describedby=${ifDefined(this.smallError ? 'reason-add-error' : undefined)}></textarea>
      ${this.smallError ? html`<p id="reason-add-error" class="field-error small-error">${this.smallError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('confirmAdd')}</button>
        <button type="button" @click=${() => this.closeForm('[data-action="add"]')}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }

  private renderPreview(preview: PreviewView): TemplateResult | typeof nothing {
    if (!this.diffView) return nothing;
    return this.diffView.renderDiff({
      preview,
      busy: this.busy,
      t: (key, params) => this.t(key, params),
      label: (text) => this.label(text),
      measureName: (id) => this.measureName(id),
      apply: () => void this.applyPreview(),
      cancel: () => ((this.preview = null), this.focusWhenShown('[data-action="preview"]')),
    });
  }

  private statusText(status: TaskView['status']): string {
    return this.t(({ open: 'statusOpen', done: 'statusDone', missed: 'statusMissed', cancelled: 'statusCancelled' } as const)[status]);
  }

  private renderTasks(): TemplateResult {
    const tasks = this.tasks;
    // Missed and open first (by due day), then done.
    const ordered = [...tasks.filter((x) => x.status !== 'done'), ...tasks.filter((x) => x.status === 'done')];
    const shown = this.allTasks ? ordered : ordered.slice(0, tasksShownAtOnce);
    return html`<section part="tasks" class="section tasks" aria-labelledby="tasks-title">
      <h3 id="tasks-title">${this.t('tasksTitle')}</h3>
      ${tasks.length === 0
        ? html`<p class="muted">${this.t('noTasks')}</p>`
        : html`<ul class="task-list">${shown.map((task) => this.renderTask(task))}</ul>
            ${shown.length < ordered.length ? html`<button type="button" class="link" @click=${() => (this.allTasks = true)}>${this.t('showAllTasks', { count: ordered.length })}</button>` : nothing}`}
    </section>`;
  }

  private renderTask(task: TaskView): TemplateResult {
    const open = this.open?.kind === 'task' && this.open.taskId === task.id;
    const glyph = { open: '○', done: '✓', missed: '!', cancelled: '–' }[task.status];
    return html`<li class="task status-${task.status}" data-task-row=${task.id}>
      <div class="task-head">
        <span class="glyph" aria-hidden="true">${glyph}</span>
        <strong>${this.measureName(task.measure)}</strong>
        <span class="status">${this.statusText(task.status)}</span>
        <span class="muted">${this.t('taskDue', { date: this.day(task.due) })}</span>
      </div>
      ${this.who(task)}
      ${task.status === 'done' && task.doneOn ? html`<p class="muted">${this.t('doneOn', { date: this.day(task.doneOn), note: '' })}${this.entered(task.note ?? '')}</p>` : nothing}
      ${task.status === 'open' && !this.plan?.masked
        ? open
          ? html`<form class="small-form" novalidate @submit=${(e: SubmitEvent) => void this.submitTask(e, task)}>
              <label for="note-${task.id}">${this.t('note')}</label>
              <textarea id="note-${task.id}" name="note" rows="2" maxlength="1000" aria-required="true" aria-invalid=${this.smallError ? 'true' : 'false'} aria-describedby=${ifDefined(this.smallError ? `note-${task.id}-error` : undefined)}></textarea>
              ${this.smallError ? html`<p id="note-${task.id}-error" class="field-error small-error">${this.smallError}</p>` : nothing}
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('confirmComplete')}</button>
                <button type="button" @click=${() => this.closeForm(`[data-task="${task.id}"]`)}>${this.t('cancel')}</button>
              </div>
            </form>`
          : html`<button type="button" data-task=${task.id} @click=${() => this.openForm({ kind: 'task', taskId: task.id }, `#note-${task.id}`)}>${this.t('complete')}</button>`
        : task.status === 'done'
          ? html`<span class="sr-only" data-task=${task.id} tabindex="-1">${this.statusText(task.status)}</span>`
          : nothing}
    </li>`;
  }

  private renderEvaluation(): TemplateResult {
    const latest = this.evaluations[0];
    return html`<section part="evaluation" class="section evaluation" aria-labelledby="evaluation-title">
      <h3 id="evaluation-title" tabindex="-1">${this.t('evaluationTitle')}</h3>
      ${!latest
        ? html`<p class="muted">${this.t('noEvaluation')}</p>`
        : html`<p>
              <strong>${this.t('evaluationMonth', { year: latest.month.slice(0, 4), month: Number(latest.month.slice(5, 7)) })}</strong>
              · <span class="score">${this.t('score', { score: latest.score })}</span>
              · <span class="badge">${this.t(({ none: 'noSuggestion', pending: 'evalPending', accepted: 'evalAccepted', rejected: 'evalRejected' } as const)[latest.status], { class: this.classLabel(latest.currentClass) })}</span>
            </p>
            <p class="suggestion">
              ${latest.suggestedClass ? this.t('suggestion', { from: this.classLabel(latest.currentClass), to: this.classLabel(latest.suggestedClass) }) : this.t('noSuggestion', { class: this.classLabel(latest.currentClass) })}
            </p>
            <ul class="reasons">${latest.reasons.map((r) => html`<li>${this.label(r.text)}</li>`)}</ul>
            ${latest.decisionReason ? html`<p class="muted">${this.t('decidedReason', { reason: latest.decisionReason })}</p>` : nothing}
            ${latest.status === 'pending' && !this.plan?.masked ? this.renderDecision(latest) : nothing}`}
    </section>`;
  }

  private renderDecision(evaluation: EvaluationView): TemplateResult {
    const open = this.open?.kind === 'decide' && this.open.evaluationId === evaluation.id ? this.open : null;
    if (!open)
      return html`<div class="actions">
        <button type="button" class="primary" data-decide="accept" @click=${() => this.openForm({ kind: 'decide', evaluationId: evaluation.id, decision: 'accept' }, '#decision-reason')}>${this.t('accept')}</button>
        <button type="button" data-decide="reject" @click=${() => this.openForm({ kind: 'decide', evaluationId: evaluation.id, decision: 'reject' }, '#decision-reason')}>${this.t('reject')}</button>
      </div>`;
    return html`<form class="small-form" novalidate @submit=${(e: SubmitEvent) => void this.submitDecision(e, evaluation, open.decision)}>
      <p class="form-title">${open.decision === 'accept' ? this.t('accept') : this.t('reject')}</p>
      <label for="decision-reason">${this.t('reason')}</label>
      <textarea id="decision-reason" name="reason" rows="2" maxlength="500" aria-required="true" aria-invalid=${this.smallError ? 'true' : 'false'} aria-describedby=${ifDefined(this.smallError ? 'decision-reason-error' : undefined)}></textarea>
      ${this.smallError ? html`<p id="decision-reason-error" class="field-error small-error">${this.smallError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('confirmDecision')}</button>
        <button type="button" @click=${() => this.closeForm(`[data-decide="${open.decision}"]`)}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }
}
