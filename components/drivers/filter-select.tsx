import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';

/** A select of a GET filter form: "All" (empty) first, then the choices as [value, label]. */
export function FilterSelect({ name, label, value, choices }: { name: string; label: string; value: string | undefined; choices: readonly (readonly [string, string])[] }) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">All</option>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** What a page's search parameters failed on, one line per field. */
export const queryProblems = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
