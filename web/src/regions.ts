/**
 * The region hierarchy from region names as stored (河北省保定市徐水区, 保定市徐水区, 上海市普陀区):
 * each name's prefixes at 省/自治区/市/州/盟/地区/区/县/旗 boundaries, as a tree.
 */
export interface RegionNode {
  value: string;
  label: string;
  children?: RegionNode[];
}

const PART = /.+?(?:自治区|自治州|特别行政区|地区|省|市|州|盟|区|县|旗)/g;

export function regionPath(region: string): string[] {
  const parts: string[] = region.match(PART) ?? [];
  const used = parts.join('');
  if (used.length < region.length) parts.push(region.slice(used.length));
  const out: string[] = [];
  let acc = '';
  for (const p of parts) out.push((acc += p));
  return out.length ? out : [region];
}

export function regionTree(regions: { region: string; documents: number }[]): RegionNode[] {
  const root: RegionNode[] = [];
  for (const { region } of regions) {
    let level = root;
    let prev = '';
    for (const prefix of regionPath(region)) {
      let node = level.find((n) => n.value === prefix);
      if (!node) level.push((node = { value: prefix, label: prefix.slice(prev.length) }));
      prev = prefix;
      level = node.children ??= [];
    }
  }
  const prune = (nodes: RegionNode[]) => {
    for (const n of nodes) {
      if (n.children?.length) prune(n.children);
      else delete n.children;
    }
  };
  prune(root);
  return root;
}
