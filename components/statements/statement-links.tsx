/** Download links of a wallet's monthly statements (PDF and CSV), newest month first. */
export function StatementLinks({ months, href }: { months: string[]; href: (month: string, format: 'pdf' | 'csv') => string }) {
  return (
    <ul className="space-y-1 text-sm" aria-label="Wallet statements">
      {months.map((month) => (
        <li key={month} className="flex min-h-11 items-center gap-3">
          <span className="w-20 font-mono">{month}</span>
          <a className="underline underline-offset-4" href={href(month, 'pdf')} download>
            PDF
          </a>
          <a className="underline underline-offset-4" href={href(month, 'csv')} download>
            CSV
          </a>
        </li>
      ))}
    </ul>
  );
}
