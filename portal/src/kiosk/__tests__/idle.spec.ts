import { idleTimes } from '../idle';

describe('idleTimes', () => {
  it('waits 60 s and warns during the last 10 s unless the address asks otherwise', () => {
    expect(idleTimes('')).toEqual({ limitMs: 60_000, warningMs: 10_000 });
    expect(idleTimes('?other=1')).toEqual({ limitMs: 60_000, warningMs: 10_000 });
  });

  it('takes ?idle=N whole seconds from 2 to 600; a short limit warns during its last half', () => {
    expect(idleTimes('?idle=120')).toEqual({ limitMs: 120_000, warningMs: 10_000 });
    expect(idleTimes('?idle=4')).toEqual({ limitMs: 4_000, warningMs: 2_000 });
    expect(idleTimes('?idle=600')).toEqual({ limitMs: 600_000, warningMs: 10_000 });
  });

  it('keeps 60 s for a value out of range or not a whole number', () => {
    for (const bad of ['0', '1', '601', '1e3', '-5', '2.5', '', 'abc', '9999'])
      expect({ bad, times: idleTimes(`?idle=${bad}`) }).toEqual({
        bad,
        times: { limitMs: 60_000, warningMs: 10_000 },
      });
  });
});
