import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { startTestSyncServer, TEST_PROJECT, WRITER, type TestSyncServer } from '../support/sync-server';
import { foreignRequests } from '../support/web-harness';

const e2e = useE2e();
let server: TestSyncServer;

beforeAll(async () => {
  server = await startTestSyncServer();
});
afterAll(async () => {
  await server?.close();
});

describe('Team sync settings (npm run web, a sync server on loopback)', () => {
  it('connects with the right password, names a wrong one plainly, and never leaves the origin', async () => {
    const { page, context, requests, errors } = await e2e.visit('/about');
    await page.getByRole('link', { name: 'Team sync settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team sync settings' }).waitFor();
    const status = page.getByRole('status');

    // Not HTTPS and not this computer: refused before anything is sent.
    await page.getByRole('textbox', { name: 'Server address' }).fill('http://example.org');
    await page.getByRole('textbox', { name: 'Project' }).fill(TEST_PROJECT);
    await page.getByRole('textbox', { name: 'User name' }).fill(WRITER.name);
    await page.getByLabel('Password', { exact: true }).fill(WRITER.password);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => status.textContent()).toContain('must start with https://');

    await page.getByRole('textbox', { name: 'Server address' }).fill(server.url);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('Connected');
    // The password went to main and does not come back into the form.
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await page.getByText('A password is stored for this server and user').waitFor();

    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toBe('Wrong user name or password: the server refused to sign you in.');

    await page.getByRole('button', { name: 'Forget' }).click();
    await expect.poll(() => status.textContent()).toContain('have been removed from this computer');
    expect(await page.getByRole('textbox', { name: 'Server address' }).inputValue()).toBe('');

    // Everything, the connection tests included, went to the app's own origin: main did the rest.
    expect(foreignRequests(requests, e2e.baseUrl)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
