declare module 'virtual:fc-templates' {
  type Template = (data: object) => string;
  /** One loader per folder of templates/: its templates keyed `<folder>/<path without .hbs>`. */
  export const groups: Record<string, () => Promise<{ default: Record<string, Template> }>>;
}
