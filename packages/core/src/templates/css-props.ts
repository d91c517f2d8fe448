import { type ElementPart, noChange, nothing } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';

type Props = Readonly<Record<string, string | undefined>>;

/**
 * Sets CSS properties (custom ones included) on an element through the CSSOM (`style.setProperty`),
 * never as a `style` attribute: a page with a strict Content-Security-Policy
 * (`style-src` without 'unsafe-inline') blocks style attributes, the CSSOM it allows.
 * lit's `styleMap` writes the attribute on its first render, hence this directive.
 *
 * `<button ${cssProps({ '--_category-color': color })}>`; an undefined value removes it.
 */
class CssPropsDirective extends Directive {
  private readonly names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps belongs on an element: <div ${cssProps({...})}>');
  }

  render(_props: Props) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Props]) {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name of this.names) {
      if (props[name] === undefined) {
        style.removeProperty(name);
        this.names.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.names.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
