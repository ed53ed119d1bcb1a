import { vi } from 'vitest';

/** Runs `run` with console.log captured: what it returned and the lines it logged (e.g. the emailed links the dev mailer prints). */
export async function logged<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    return { result: await run(), lines };
  } finally {
    log.mockRestore();
  }
}
