declare module 'virtual:fc-templates' {
  type Template = (data: object) => string;
  export const runtime: { registerHelper(name: string, fn: (...args: any[]) => unknown): void };
  const templates: Record<string, Template>;
  export default templates;
}
