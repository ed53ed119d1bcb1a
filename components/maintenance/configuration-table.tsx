'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { CommandActionResult } from '@/app/(dashboard)/stations/[stationId]/command-actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input } from '@/components/ui/input';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { CommandOutcome } from './command-outcome';
import type { ConfigurationRead } from './use-configuration';
import { useCommand } from './use-command';

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/**
 * The keys as last read, values editable unless read-only; "Apply" sends one ChangeConfiguration
 * per changed key (§5.3 takes one key at a time) and shows each key's answer, RebootRequired included.
 */
export function ConfigurationTable({ stationId, configuration, blocker }: { stationId: string; configuration: ConfigurationRead; blocker: string | null }) {
  const { send, pending } = useCommand(stationId);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [results, setResults] = useState<Record<string, CommandActionResult>>({});
  const [otherKey, setOtherKey] = useState('');
  const known = new Set(configuration.keys.map((entry) => entry.key));
  const changed = Object.entries(edits).filter(([key, value]) => configuration.keys.find((entry) => entry.key === key)?.value !== value);

  async function apply() {
    for (const [key, value] of changed) {
      const result = await send('ChangeConfiguration', { key, value });
      setResults((previous) => ({ ...previous, [key]: result }));
    }
  }
  const rows = [...configuration.keys, ...Object.keys(edits).filter((key) => !known.has(key)).map((key) => ({ key, readonly: false, value: undefined }))];
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">Read {time(configuration.readAt)} UTC{configuration.asked.length ? ` (keys: ${configuration.asked.join(', ')})` : ' (all keys)'}.</p>
      <Table aria-label="Configuration keys">
        <THead>
          <Tr>
            <Th>Key</Th>
            <Th>Value</Th>
            <Th>Access</Th>
            <Th>Last change</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((entry) => (
            <Tr key={entry.key} data-config-key={entry.key}>
              <Td className="font-mono text-xs">
                {entry.key}{' '}
                <Link className="font-sans text-muted-foreground underline underline-offset-2" href={`/maintenance/configuration?station=${encodeURIComponent(stationId)}&key=${encodeURIComponent(entry.key)}`}>
                  compare
                </Link>
              </Td>
              <Td className="min-w-56">
                {entry.readonly ? (
                  <span className="font-mono text-xs break-all">{entry.value ?? ''}</span>
                ) : (
                  <Input
                    aria-label={`Value of ${entry.key}`}
                    value={edits[entry.key] ?? entry.value ?? ''}
                    maxLength={500}
                    disabled={blocker !== null}
                    onChange={(event) => setEdits((previous) => ({ ...previous, [entry.key]: event.target.value }))}
                  />
                )}
              </Td>
              <Td>{entry.readonly ? <Badge variant="muted">Read-only</Badge> : <Badge variant="outline">Read-write</Badge>}</Td>
              <Td>{results[entry.key] ? <CommandOutcome result={results[entry.key]!} /> : null}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <div className="flex flex-wrap items-end gap-3">
        <Input aria-label="Another key" placeholder="Another key (not listed)" className="max-w-xs" value={otherKey} maxLength={50} onChange={(event) => setOtherKey(event.target.value)} />
        <Button variant="outline" disabled={!otherKey.trim() || known.has(otherKey.trim())} onClick={() => (setEdits((previous) => ({ ...previous, [otherKey.trim()]: '' })), setOtherKey(''))}>
          Add key
        </Button>
        <ConfirmDialog
          trigger={<Button disabled={blocker !== null || pending || changed.length === 0}>{pending ? 'Applying…' : `Apply ${changed.length} change${changed.length === 1 ? '' : 's'}`}</Button>}
          title={`Change ${changed.length} configuration key${changed.length === 1 ? '' : 's'} on ${stationId}?`}
          description={changed.map(([key, value]) => `${key} = ${value}`).join(', ')}
          confirmLabel="Apply"
          onConfirm={() => void apply()}
        />
        {blocker ? <span className="text-sm text-muted-foreground">{blocker}</span> : null}
      </div>
    </div>
  );
}
