/**
 * The entry form of <sifa-diary>, a chunk of its own: loaded when the user first reaches for it
 * (a focus or a press inside the widget, a day picked), not with the calendar. With it come quick
 * entry (the day's item picker, which only opens this form) and the styles of both
 * (form.styles.ts, added to the widget's shadow root after its own). It generates the
 * fields from an item's field specs and validates with `diaryFieldsSchema(item)`, the very zod
 * schema the server validates `diary.save` with, so zod stays out of the widget's first load.
 * The element keeps the form's state; this module renders it and handles its events (FormHost).
 *
 * IMPORTS: only zod's side of @sifa/core (diary-fields, messages), Lit's `live` directive (a
 * shared chunk the first load does not need), this chunk's own styles (Lit's `css`, in the shared
 * chunk) and types. What the element's
 * chunk already has (Lit, formatting, `pickText`) comes through `FormHost.kit`: a value imported
 * from a module of the first load would make rollup export it from the element's chunk, which
 * then is no longer the plain chunk of define.ts that the script-tag build (build/elements.mjs)
 * and the bundle benchmark look for.
 */
import type { TemplateResult, html, nothing } from 'lit';
import type { ifDefined } from 'lit/directives/if-defined.js';
// live is not in the element's first load: its own small chunk (shared with other widgets) comes with this one.
import { live } from 'lit/directives/live.js';
import { brokenDiaryRule, catalogMessage, diaryFieldsSchema, msg, type AssessmentPart, type DiaryFieldSpec, type Locale, type LocalizedText, type pickText } from '@sifa/core';
import type { DiaryCatalog, DiaryEntry } from '@sifa/plugin-diary';
import type { EntryRef, OutboxRecord } from './outbox.js';
import type { DiaryMessageKey } from './messages.js';
import { formStyles } from './form.styles.js';

export type CatalogItem = DiaryCatalog['items'][number];
export type AttachmentMeta = { name: string; type: string; size: number };

export type FormMode = { kind: 'new' } | { kind: 'edit'; target: EntryRef; key: string };

export interface FormState {
  item: CatalogItem;
  mode: FormMode;
  values: Record<string, string>;
  files: Record<string, AttachmentMeta[]>;
  touched: Set<string>;
  submitted: boolean;
  errors: Record<string, string>;
}

/** What the form gets from the element's chunk (see IMPORTS above). */
export interface FormKit {
  html: typeof html;
  nothing: typeof nothing;
  ifDefined: typeof ifDefined;
  pickText: typeof pickText;
  formatNumber(locale: Locale, value: number): string;
}

/** What the form needs of the element. */
export interface FormHost {
  readonly kit: FormKit;
  /** The language the widget shows (validation messages follow it). */
  lang(): Locale;
  getForm(): FormState | null;
  /** Replaces the form's state (null closes it); the element re-renders. */
  setForm(form: FormState | null): void;
  t(key: DiaryMessageKey, params?: Record<string, string | number>): string;
  text(value: LocalizedText | undefined): { text: string; lang: string | undefined };
  renderText(value: LocalizedText | undefined): TemplateResult;
  /** Focuses the first element matching `selector` in the widget once it has rendered. */
  focusAfterUpdate(selector: string): Promise<void>;
  /** Stores a valid form's data (the outbox), closes the form and tells the page. */
  save(form: FormState, data: Record<string, unknown>): Promise<void>;
  /** The widget's shadow root (this chunk's styles are added to it). */
  root(): ShadowRoot;
  /** What quick entry shows: the catalog's items, the user's stars, and what they used last. */
  quick(): QuickState;
  item(code: string): CatalogItem | undefined;
  /** Opens the form of a new entry of `item` on the selected day. */
  open(item: CatalogItem): void;
  /** Stars or unstars an item (kept per user). */
  star(code: string): void;
}

export interface QuickState {
  items: CatalogItem[];
  /** True while the catalog is asked for (an empty catalog then says "loading"). */
  loading: boolean;
  favourites: string[];
  records: OutboxRecord[];
  /** The month's entries from the server. */
  entries: DiaryEntry[];
  userId: string | undefined;
}

/** Adds this chunk's styles to the widget's shadow root, after the widget's own (as one sheet before). */
function styled(host: FormHost): void {
  const root = host.root();
  const sheet = formStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The parts of the assessment standard, in the order of `assessmentParts` (@sifa/core; a test checks). */
const partKeys: Record<AssessmentPart, DiaryMessageKey> = {
  basic: 'partBasic',
  institutional: 'partInstitutional',
  key: 'partKey',
  daily: 'partDaily',
  outstanding: 'partOutstanding',
  negative: 'partNegative',
};
const parts = Object.keys(partKeys) as AssessmentPart[];

/** Items this user used last, newest first: from this device's records and their own entries. */
function recentCodes(host: FormHost, quick: QuickState): string[] {
  const uses: { code: string; at: number }[] = [];
  for (const r of quick.records) if (r.op === 'save') uses.push({ code: r.payload.itemCode, at: r.createdAt });
  for (const e of quick.entries) if (quick.userId !== undefined && e.authorId === quick.userId) uses.push({ code: e.itemCode, at: Date.parse(e.createdAt) });
  uses.sort((a, b) => b.at - a.at);
  return [...new Set(uses.map((u) => u.code))].filter((c) => host.item(c)).slice(0, 4);
}

/** Quick entry: the items of the catalog to pick for a new entry (recent and starred first, then by part). */
export function renderQuickEntry(host: FormHost): TemplateResult {
  const { html, nothing, ifDefined } = host.kit;
  styled(host);
  const quick = host.quick();
  const items = quick.items;
  if (items.length === 0) return html`<p class="empty">${quick.loading ? host.t('loading') : nothing}</p>`;
  const recent = recentCodes(host, quick);
  const favourites = quick.favourites.filter((c) => host.item(c));
  const itemButton = (item: CatalogItem, group: string) => {
    const starred = quick.favourites.includes(item.code);
    const title = host.text(item.title);
    // Numbers another plugin's records produce (mediation case files) are shown, never typed.
    if (item.derived) return html`<li class="item derived">${host.renderText(item.title)} <span class="help">${host.renderText(item.derived.from)}</span></li>`;
    return html`<li class="item">
      <button type="button" class="pick" data-item=${item.code} data-group=${group} @click=${() => host.open(item)}><span lang=${ifDefined(title.lang)}>${title.text}</span></button>
      <button type="button" class="star" aria-pressed=${starred ? 'true' : 'false'} aria-label=${host.t('star', { item: title.text })} @click=${() => host.star(item.code)}>${starred ? '★' : '☆'}</button>
    </li>`;
  };
  const typed = (codes: string[]) => codes.map((c) => host.item(c)!).filter((i) => !i.derived);
  const group = (id: string, heading: string, list: CatalogItem[]) =>
    list.length === 0
      ? nothing
      : html`<div class="group" data-group=${id}>
          <h5 id="group-${id}">${heading}</h5>
          <ul class="items" aria-labelledby="group-${id}">
            ${list.map((i) => itemButton(i, id))}
          </ul>
        </div>`;
  return html`<div class="quick">
    <h4>${host.t('quickEntry')}</h4>
    ${group('recent', host.t('recent'), typed(recent))} ${group('favourites', host.t('favourites'), typed(favourites))}
    ${parts.map((part) => group(`part-${part}`, host.t(partKeys[part]), items.filter((i) => i.part === part)))}
  </div>`;
}

export function newForm(item: CatalogItem, mode: FormMode, fields: Record<string, unknown>): FormState {
  const values: Record<string, string> = {};
  const files: Record<string, AttachmentMeta[]> = {};
  for (const [name, spec] of Object.entries(item.fields)) {
    const value = fields[name];
    if (spec.kind === 'attachments') files[name] = Array.isArray(value) ? (value as AttachmentMeta[]).map(({ name: n, type, size }) => ({ name: n, type, size })) : [];
    else values[name] = value === undefined || value === null ? '' : String(value);
  }
  return { item, mode, values, files, touched: new Set(), submitted: false, errors: {} };
}

/** The form's values as the schema expects them: numbers as numbers, empty optional fields left out. */
function formFields(form: FormState): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(form.item.fields)) {
    const raw = form.values[name] ?? '';
    switch (spec.kind) {
      case 'count':
      case 'minutes':
        if (raw.trim() !== '') fields[name] = Number(raw);
        break;
      case 'text':
        if (spec.required || raw.trim() !== '') fields[name] = raw;
        break;
      case 'choice':
        if (raw !== '') fields[name] = raw;
        break;
      case 'attachments': {
        const list = form.files[name] ?? [];
        if (spec.required || list.length > 0) fields[name] = list;
        break;
      }
    }
  }
  return fields;
}

/** A catalog message in the reader's language (every core message has its Mongolian draft). */
function issueMessage(host: FormHost, message: string): string {
  const key = catalogMessage(message) ? message : msg('invalidValue');
  return host.kit.pickText(catalogMessage(key)!, host.lang());
}

/**
 * Validates with THE item schema; messages in the user's language, first one per field. The
 * messages are `catalogIssues` of @sifa/core (diary-fields.ts), spelt out here with the kit's
 * `pickText` (see IMPORTS); a test checks they are the server's. A broken cross-field rule shows
 * the rule's own message under its field, as the server's `diary.ruleBroken` does.
 */
function validate(host: FormHost, form: FormState): { data: Record<string, unknown> | null; errors: Record<string, string> } {
  const result = diaryFieldsSchema(form.item).safeParse(formFields(form));
  if (result.success) return { data: result.data as Record<string, unknown>, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const rule = brokenDiaryRule(form.item, issue);
    const field = rule ? rule.field : (issue.path.map(String).join('.').split('.')[0] ?? '');
    errors[field] ??= rule ? host.text(rule.message).text : issueMessage(host, issue.message);
  }
  return { data: null, errors };
}

/** Sets the form's new state with the errors of the fields touched so far (all once submitted). */
function setChecked(host: FormHost, next: FormState): void {
  const { errors } = validate(host, next);
  host.setForm({ ...next, errors: Object.fromEntries(Object.entries(errors).filter(([name]) => next.submitted || next.touched.has(name))) });
}

function onFieldInput(host: FormHost, name: string, value: string): void {
  const form = host.getForm();
  if (form) host.setForm({ ...form, values: { ...form.values, [name]: value } });
}

function onFieldBlur(host: FormHost, name: string): void {
  const form = host.getForm();
  if (form) setChecked(host, { ...form, touched: new Set(form.touched).add(name) });
}

function onFiles(host: FormHost, name: string, input: HTMLInputElement): void {
  const form = host.getForm();
  if (!form) return;
  const chosen = [...(input.files ?? [])].map((f) => ({ name: f.name, type: f.type, size: f.size }));
  const files = { ...form.files, [name]: [...(form.files[name] ?? []), ...chosen] };
  input.value = '';
  setChecked(host, { ...form, files, touched: new Set(form.touched).add(name) });
}

function removeFile(host: FormHost, name: string, index: number): void {
  const form = host.getForm();
  if (!form) return;
  setChecked(host, { ...form, files: { ...form.files, [name]: (form.files[name] ?? []).filter((_, i) => i !== index) } });
}

async function submit(host: FormHost, event: Event): Promise<void> {
  event.preventDefault();
  const form = host.getForm();
  if (!form) return;
  const submitted = { ...form, submitted: true };
  const { data, errors } = validate(host, submitted);
  if (!data) {
    host.setForm({ ...submitted, errors });
    await host.focusAfterUpdate('form [aria-invalid="true"]');
    return;
  }
  await host.save(form, data);
}

export function renderForm(host: FormHost, form: FormState): TemplateResult {
  const { html, nothing } = host.kit;
  styled(host);
  const title = host.text(form.item.title).text;
  const errorCount = Object.keys(form.errors).length;
  return html`<form part="form" novalidate aria-labelledby="form-title" @submit=${(e: Event) => void submit(host, e)}>
    <h4 id="form-title">${host.t(form.mode.kind === 'new' ? 'newEntry' : 'editEntry', { item: title })}</h4>
    ${form.submitted && errorCount > 0 ? html`<p class="summary" role="alert">${host.t('fixErrors', { count: errorCount })}</p>` : nothing}
    ${Object.entries(form.item.fields).map(([name, spec]) => renderField(host, form, name, spec))}
    <div class="actions">
      <button type="submit" class="primary save">${host.t('save')}</button>
      <button type="button" class="cancel" @click=${() => host.setForm(null)}>${host.t('cancel')}</button>
    </div>
  </form>`;
}

function renderField(host: FormHost, form: FormState, name: string, spec: DiaryFieldSpec): TemplateResult {
  const { html, nothing, ifDefined } = host.kit;
  const id = `field-${name}`;
  const error = form.errors[name];
  const help = spec.help ? host.text(spec.help) : null;
  const hasHelp = Boolean(help) || spec.kind === 'attachments';
  const describedBy = [hasHelp ? `help-${name}` : '', error ? `error-${name}` : '', spec.kind === 'count' && spec.unit ? `unit-${name}` : ''].filter(Boolean).join(' ') || undefined;
  const value = form.values[name] ?? '';
  const label = html`<label for=${id}>${host.renderText(spec.title)}${spec.required ? html` <span class="req">(${host.t('required')})</span>` : nothing}</label>`;
  // What every control shares: id, name, validity, description and leaving the field (checks it).
  const common = { id, name, invalid: error ? 'true' : 'false', describedBy, blur: () => onFieldBlur(host, name) };
  const input = (e: Event) => onFieldInput(host, name, (e.target as HTMLInputElement).value);
  let control: TemplateResult;
  switch (spec.kind) {
    case 'count':
    case 'minutes':
      control = html`<div class="control">
        <input
          id=${common.id}
          name=${common.name}
          type="number"
          inputmode="numeric"
          min="0"
          max=${spec.max}
          step="1"
          .value=${live(value)}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedBy)}
          ?required=${spec.required}
          @input=${input}
          @blur=${common.blur}
        />
        <span class="unit" id="unit-${name}">${spec.kind === 'minutes' ? host.t('minutes') : spec.unit ? host.renderText(spec.unit) : nothing}</span>
      </div>`;
      break;
    case 'text':
      control = spec.multiline
        ? html`<textarea
            id=${common.id}
            name=${common.name}
            .value=${live(value)}
            aria-invalid=${common.invalid}
            aria-describedby=${ifDefined(common.describedBy)}
            ?required=${spec.required}
            @input=${input}
            @blur=${common.blur}
          ></textarea>`
        : html`<input
            id=${common.id}
            name=${common.name}
            type="text"
            .value=${live(value)}
            aria-invalid=${common.invalid}
            aria-describedby=${ifDefined(common.describedBy)}
            ?required=${spec.required}
            @input=${input}
            @blur=${common.blur}
          />`;
      break;
    case 'choice':
      control = html`<select
        id=${common.id}
        name=${common.name}
        aria-invalid=${common.invalid}
        aria-describedby=${ifDefined(common.describedBy)}
        ?required=${spec.required}
        @change=${input}
        @blur=${common.blur}
      >
        <option value="" ?selected=${value === ''}>${host.t('choose')}</option>
        ${spec.options.map((o) => {
          const t = host.text(o.title);
          return html`<option value=${o.value} lang=${ifDefined(t.lang)} ?selected=${value === o.value}>${t.text}</option>`;
        })}
      </select>`;
      break;
    case 'attachments': {
      const files = form.files[name] ?? [];
      control = html`<input
          id=${common.id}
          name=${common.name}
          type="file"
          multiple
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedBy)}
          @change=${(e: Event) => onFiles(host, name, e.target as HTMLInputElement)}
        />
        ${files.length > 0
          ? html`<ul class="files">
              ${files.map(
                (f, i) => html`<li>
                  ${f.name} (${host.kit.formatNumber(host.lang(), Math.ceil(f.size / 1024))} KB)
                  <button type="button" class="remove-file" aria-label=${host.t('removeFile', { name: f.name })} @click=${() => removeFile(host, name, i)}>×</button>
                </li>`,
              )}
            </ul>`
          : nothing}`;
      break;
    }
  }
  const helpText = spec.kind === 'attachments' ? host.t('filesHint') : null;
  return html`<div class="field" data-field=${name}>
    ${label} ${control}
    ${hasHelp ? html`<p class="help" id="help-${name}">${help ? html`<span lang=${ifDefined(help.lang)}>${help.text}</span> ` : nothing}${helpText ?? nothing}</p>` : nothing}
    ${error ? html`<p class="error" id="error-${name}" part="field-error">${error}</p>` : nothing}
  </div>`;
}
