/**
 * `<span ${cssProperty('--dot', colour)}>`: sets one CSS property through the CSSOM
 * (`style.setProperty`) on every render. Lit's styleMap writes a `style` attribute on its first
 * render, which a strict CSP (`style-src` without 'unsafe-inline') blocks and reports; the CSSOM
 * is not subject to it.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssPropertyDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProperty() goes on an element: <span ${cssProperty(name, value)}>');
  }
  render(_name: string, _value: string) {
    return noChange;
  }
  override update(part: ElementPart, [name, value]: [string, string]) {
    (part.element as HTMLElement).style.setProperty(name, value);
    return noChange;
  }
}

export const cssProperty = directive(CssPropertyDirective);
