/**
 * The orgs a rule warns: every node of one level (offices or counties) below a root, read through
 * the scoped org directory in one query per root and cached for the whole evaluation.
 *
 * Facts, deadlines and indicator values name the org that recorded them; they are attributed to
 * the target whose division code prefixes theirs. Official division codes nest that way (an
 * office's 9 digits start with its county's 6, a village's 12 with its township's 9), which is
 * what the org tree is keyed by (`orgCodeSchema`).
 */
import { orgLevels, type OrgDirectory, type OrgLevel, type OrgNode } from '@sifa/core';

const depth = (level: OrgLevel) => orgLevels.indexOf(level);

export class TargetDirectory {
  private readonly levels = new Map<string, Promise<OrgNode[]>>();
  private readonly nodes = new Map<string, Promise<OrgNode>>();

  constructor(private readonly orgs: OrgDirectory) {}

  node(code: string): Promise<OrgNode> {
    let found = this.nodes.get(code);
    if (!found) {
      found = this.orgs.get(code);
      this.nodes.set(code, found);
    }
    return found;
  }

  /** Every org of `level` in `root`'s subtree (the root itself when it is of that level), by code. */
  async atLevel(root: OrgNode, level: OrgLevel): Promise<OrgNode[]> {
    if (root.level === level) return [root];
    if (depth(root.level) > depth(level)) return [];
    const key = `${root.code}|${level}`;
    let found = this.levels.get(key);
    if (!found) {
      found = this.orgs.descendants(root.code, level).then((nodes) => nodes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
      this.levels.set(key, found);
    }
    return found;
  }
}

/** Maps an org code (of a fact, a deadline) to the target it lies under, or null. */
export function targetLookup(targets: readonly OrgNode[]): (code: string) => OrgNode | null {
  const byCode = new Map(targets.map((t) => [t.code, t]));
  const lengths = [...new Set(targets.map((t) => t.code.length))];
  return (code) => {
    for (const length of lengths) {
      if (code.length < length) continue;
      const target = byCode.get(code.slice(0, length));
      if (target) return target;
    }
    return null;
  };
}
