declare module 'virtual:fc-templates' {
  type Template = (data: object) => string;
  /** One loader per group of templates/ (a folder, or its hooks/, run/ or recipes/): its templates keyed `<path without .hbs>`. */
  export const groups: Record<string, () => Promise<{ default: Record<string, Template> }>>;
}
