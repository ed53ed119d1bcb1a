'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/**
 * Uploads a firmware file to POST /api/v1/firmware (admin): the file is the request body, streamed
 * to disk by the server (a server action would buffer it and has a small body limit).
 */
export function UploadFirmwareForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setMessage({ ok: false, text: 'Choose a firmware file.' });
    const query = new URLSearchParams({ vendor: String(data.get('vendor') ?? ''), model: String(data.get('model') ?? ''), version: String(data.get('version') ?? ''), fileName: file.name });
    setPending(true);
    const response = await fetch(`/api/v1/firmware?${query}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { version?: string; sha256?: string; error?: { message: string; field?: string } } | null;
    setPending(false);
    if (!response?.ok) return setMessage({ ok: false, text: body?.error ? `${body.error.field ? `${body.error.field}: ` : ''}${body.error.message}` : 'The upload failed.' });
    setMessage({ ok: true, text: `Uploaded version ${body?.version} (SHA-256 ${body?.sha256?.slice(0, 16)}…).` });
    form.reset();
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label="Upload firmware" noValidate>
      {message ? (
        <p role="status" className={message.ok ? 'text-sm text-green-700 dark:text-green-400 sm:col-span-2' : 'text-sm text-red-700 dark:text-red-400 sm:col-span-2'}>
          {message.text}
        </p>
      ) : null}
      <FormField name="vendor" label="Vendor" hint="As the stations report it in BootNotification." required />
      <FormField name="model" label="Model" required />
      <FormField name="version" label="Version" required />
      <div className="space-y-1.5">
        <Label htmlFor="field-file">File</Label>
        <Input id="field-file" name="file" type="file" required />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Uploading…' : 'Upload firmware'}
        </Button>
      </div>
    </form>
  );
}
