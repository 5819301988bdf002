/**
 * Every IPC channel's argument validation under random and malicious payloads: dispatch never throws,
 * always answers with a Result, a refusal is `invalid-arguments` with a bounded message naming the
 * channel, and a handler only ever sees arguments its schema accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { channels, requestSchemas, type Channel, type Handlers } from '@shared/ipc/contract';
import { deeplyNested, nastyString, nastyValue } from '../../shared/hostile/payloads';

/** Handlers that record what reached them. */
function recordingHandlers() {
  const seen: Array<{ channel: Channel; request: unknown }> = [];
  const handlers = Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (request: unknown) => {
        seen.push({ channel, request });
        return { handled: channel };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, seen };
}

/** Payloads shaped like each channel's request, with nasty values in its fields. */
const shapedPayload = fc
  .record({
    json: fc.oneof(nastyString, nastyValue),
    reason: fc.oneof(fc.constantFrom('scheduled', 'final', 'manual', 'before-import'), nastyString),
    name: fc.oneof(nastyString, fc.constant('notes-2026-11-28T18-00-00Z.json')),
    collectionId: fc.oneof(nastyString, nastyValue),
    url: fc.oneof(
      nastyString,
      fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'https://example.org/', 'http://'),
    ),
    suggestedName: nastyString,
    content: nastyString,
    encoding: fc.oneof(fc.constantFrom('utf8', 'base64'), nastyString),
    mimeType: fc.oneof(fc.constant('application/json'), nastyString),
    key: fc.oneof(nastyString, nastyValue, fc.constant('v1|lt-deportations@0123456789abcdef')),
    contentBase64: fc.oneof(nastyString, nastyValue, fc.constantFrom('', 'AAEC', 'AA==', 'not base64!')),
  })
  .chain((full) =>
    fc
      .subarray(Object.keys(full))
      .map((keys) => Object.fromEntries(keys.map((key) => [key, full[key as keyof typeof full]]))),
  );

async function expectAnswered(channel: Channel, payload: unknown) {
  const { handlers, seen } = recordingHandlers();
  const result = await dispatch(handlers, channel, payload);
  const parsed = requestSchemas[channel].safeParse(payload ?? {});
  if (parsed.success) {
    expect(result).toEqual({ ok: true, value: { handled: channel } });
    expect(seen).toEqual([{ channel, request: parsed.data }]);
  } else {
    expect(seen).toEqual([]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-arguments');
    expect(result.error.message).toContain(`"${channel}"`);
    expect(result.error.message.length).toBeLessThan(4000);
  }
}

describe('IPC argument validation under hostile input', () => {
  it.each(channels)('%s: never throws, refuses clearly, passes only valid arguments on', async (channel) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nastyValue, shapedPayload), (payload) => expectAnswered(channel, payload)),
      { numRuns: 150 },
    );
  });

  it.each(channels)('%s: refuses deeply nested, huge and prototype-polluting payloads', async (channel) => {
    const polluted = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
    ) as unknown;
    const hugeKey = { ['k'.repeat(10_000_000)]: 1 };
    for (const payload of [
      deeplyNested(100_000, 'object'),
      deeplyNested(100_000, 'array'),
      { collectionId: deeplyNested(100_000, 'object') },
      { json: 'x'.repeat(70 * 1024 * 1024), reason: 'manual' },
      { key: 'k'.repeat(4097), contentBase64: 'AAEC' },
      hugeKey,
      polluted,
    ]) {
      await expectAnswered(channel, payload);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses any channel name that is not in the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nastyString, nastyValue), async (channel) => {
        fc.pre(!channels.includes(channel as Channel));
        const { handlers, seen } = recordingHandlers();
        const result = await dispatch(handlers, channel, {});
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        expect(!result.ok && result.error.message.length).toBeLessThan(200);
        expect(seen).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
