import { groups } from 'virtual:fc-templates';

type Template = (data: object) => string;

/** Templates of the groups loaded so far, by group (a top-level folder of templates/, or its hooks/, run/ or recipes/). */
const loaded = new Map<string, Record<string, Template>>();

/**
 * Loads template groups (folders of templates/, e.g. `_shared`, `<family>`) so `render` can use them.
 * Each group is a chunk of its own in the bundle: a run loads only the groups it renders.
 */
export async function loadTemplates(...names: string[]): Promise<void> {
  await Promise.all(names.map(async (group) => {
    if (loaded.has(group)) return;
    const load = Object.hasOwn(groups, group) ? groups[group] : undefined;
    if (!load) throw new Error(`internal: no template group "${group}"`);
    loaded.set(group, (await load()).default);
  }));
}

/** Whether templates/ has the group (`<family>`, `<family>/recipes`). */
export function hasTemplateGroup(name: string): boolean {
  return Object.hasOwn(groups, name);
}

/** The group of `templates/<name>.hbs`: its top-level folder, or that folder's subfolder when that is a group of its own. */
function groupOf(name: string): string {
  const [top, sub] = name.split('/', 2);
  return hasTemplateGroup(`${top}/${sub}`) ? `${top}/${sub}` : top!;
}

/** Renders `templates/<name>.hbs` (name without the suffix) with `data`; its group must be loaded. */
export function render(name: string, data: object): string {
  const group = groupOf(name);
  const templates = loaded.get(group);
  if (!templates) throw new Error(`internal: template group "${group}" is not loaded (render "${name}" after loadTemplates("${group}"))`);
  const template = templates[name];
  if (!template) throw new Error(`internal: no template "${name}"`);
  return template(data);
}
