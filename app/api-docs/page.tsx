import type { Metadata } from 'next';
import { allOperations } from '@/lib/api/contracts';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { Badge } from '@/components/ui/badge';

export const metadata: Metadata = { title: 'API docs · CSMS' };

type OperationDoc = {
  summary: string;
  description?: string;
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string; content?: { 'application/json': { schema: unknown } } }>;
};

const methodVariant = { get: 'secondary', post: 'success', patch: 'warning', put: 'warning', delete: 'danger' } as const;

function Schema({ schema }: { schema: unknown }) {
  return <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(schema, null, 2)}</pre>;
}

/** A readable rendering of /api/v1/openapi.json (same document, same source). Public, like the JSON. */
export default function ApiDocsPage() {
  const document = buildOpenApiDocument(allOperations);
  const tags = [...new Set(allOperations.map((operation) => operation.tag))];
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-8 p-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">{document.info.title}</h1>
        <p className="text-muted-foreground">{document.info.description}</p>
        <p>
          Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Health:{' '}
          <code>GET /api/health</code>.
        </p>
      </header>
      {tags.map((tag) => (
        <section key={tag} className="space-y-4">
          <h2 className="text-2xl font-semibold">{tag}</h2>
          {allOperations
            .filter((operation) => operation.tag === tag)
            .map((operation) => {
              const doc = (document.paths[operation.path] as Record<string, OperationDoc>)[operation.method]!;
              return (
                <article key={`${operation.method} ${operation.path}`} className="space-y-3 rounded-lg border border-border p-4">
                  <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                    <Badge variant={methodVariant[operation.method]}>{operation.method.toUpperCase()}</Badge>
                    {operation.path}
                  </h3>
                  <p>{doc.summary}</p>
                  <p className="text-sm text-muted-foreground">{operation.role ? `Minimum role: ${operation.role}` : 'Public'}</p>
                  {doc.parameters.length ? (
                    <ul className="text-sm">
                      {doc.parameters.map((parameter) => (
                        <li key={parameter.name}>
                          <code>{parameter.name}</code> ({parameter.in}
                          {parameter.required ? ', required' : ''}): <code>{JSON.stringify(parameter.schema)}</code>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {doc.requestBody ? (
                    <div>
                      <h4 className="text-sm font-medium">Request body</h4>
                      <Schema schema={doc.requestBody.content['application/json'].schema} />
                    </div>
                  ) : null}
                  <div>
                    <h4 className="text-sm font-medium">Responses</h4>
                    <ul className="text-sm">
                      {Object.entries(doc.responses).map(([status, response]) => (
                        <li key={status}>
                          <code>{status}</code> {response.description}
                        </li>
                      ))}
                    </ul>
                  </div>
                </article>
              );
            })}
        </section>
      ))}
    </main>
  );
}
