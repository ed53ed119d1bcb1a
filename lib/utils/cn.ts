export type ClassValue = string | false | null | undefined;

/**
 * Joins the truthy class names. No conflict resolution (no tailwind-merge): a component's
 * `className` prop adds classes, so pass only ones the base styles do not already set.
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(' ');
}
