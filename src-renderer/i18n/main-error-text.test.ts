import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src-shared/contract';
import { mainErrorText, shownError } from './main-error-text';
import { translate, type MessageKey } from './messages';

const inThai = (key: MessageKey, values?: Record<string, string | number>) => translate('th', key, values);

describe('mainErrorText', () => {
  it("says main's error in the agent's language, parameters filled as text", () => {
    const err = new ContractError('INVALID_REQUEST', 'not callable', undefined, { key: 'mainError.call.badTarget', params: { number: '<b>123</b>' } });
    expect(mainErrorText(inThai, err)).toBe('"<b>123</b>" ไม่ใช่หมายเลขหรือที่อยู่ SIP ที่โทรได้ ตรวจสอบแล้วลองอีกครั้ง');
    expect(mainErrorText(inThai, shownError(err))).toBe(mainErrorText(inThai, err));
  });

  it('caps a parameter from outside', () => {
    const err = new ContractError('FAILED', 'x', undefined, { key: 'mainError.call.notPlaced', params: { why: 'W'.repeat(1000) } });
    expect(mainErrorText(inThai, err)).toContain(`(${'W'.repeat(80)})`);
    expect(mainErrorText(inThai, err)).not.toContain('W'.repeat(81));
  });

  it("falls back to main's English message for a key it does not know, or none", () => {
    expect(mainErrorText(inThai, new ContractError('FAILED', 'Something new.', undefined, { key: 'mainError.fromTheFuture' }))).toBe('Something new.');
    expect(mainErrorText(inThai, new ContractError('FAILED', 'No key.'))).toBe('No key.');
    expect(mainErrorText(inThai, new Error('plain'))).toBe('plain');
  });
});
