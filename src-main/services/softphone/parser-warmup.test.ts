import { describe, expect, it } from 'vitest';
import { Core } from 'sip.js';
import { warmUpSipParser } from './parser-warmup';

describe('warmUpSipParser', () => {
  it('parses its sample INVITEs (a sample the grammar rejected would warm nothing), once per process', () => {
    let parsed = 0;
    const parse = Core.Parser.parseMessage;
    Core.Parser.parseMessage = (data, logger) => {
      const message = parse(data, logger);
      if (message instanceof Core.IncomingRequestMessage && message.method === 'INVITE' && message.getHeader('X-Queue') === 'warm-up') parsed++;
      return message;
    };
    try {
      warmUpSipParser(5);
      expect(parsed).toBe(5);
      warmUpSipParser(5);
      expect(parsed).toBe(5);
    } finally {
      Core.Parser.parseMessage = parse;
    }
  });
});
