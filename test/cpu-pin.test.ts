import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedCpus, choosePinning, parseCpuList, pinRefusal, pinRequest } from '../scripts/cpu-pin.ts';

describe('parseCpuList()', () => {
  it('reads ranges and single CPUs', () => {
    assert.deepEqual(parseCpuList('0-3,6,8-9\n'), [0, 1, 2, 3, 6, 8, 9]);
    assert.deepEqual(parseCpuList(' 1'), [1]);
    assert.throws(() => parseCpuList('3-1'));
    assert.throws(() => parseCpuList('a'));
  });
});

describe('pinRequest()', () => {
  it('accepts auto, off and a CPU number, and refuses anything else', () => {
    assert.equal(pinRequest('auto'), 'auto');
    assert.equal(pinRequest('off'), 'off');
    assert.equal(pinRequest('1'), 1);
    assert.throws(() => pinRequest('-1'), /--pin must be auto, off or a CPU number/);
    assert.throws(() => pinRequest(''), /--pin/);
    assert.throws(() => pinRequest('one'), /--pin/);
  });
});

describe('choosePinning()', () => {
  const probe = (cpus: number[] | null) => async () => cpus;
  const allowed = async () => null;

  it('pins to the last allowed CPU by default, with taskset', async () => {
    const pinning = await choosePinning('auto', probe([0, 1]), allowed);
    assert.deepEqual(pinning.prefix, ['taskset', '-c', '1']);
    assert.equal(pinning.cpu, 1);
    assert.match(pinning.note, /^pinned to CPU 1 \(of 0, 1\) with taskset/);
  });

  it('pins to a chosen CPU only when it is allowed', async () => {
    assert.equal((await choosePinning(0, probe([0, 1]), allowed)).cpu, 0);
    await assert.rejects(choosePinning(5, probe([0, 1])), /--pin 5: this process may run only on CPUs 0, 1/);
  });

  it('runs unpinned, and says why, without taskset or when asked', async () => {
    assert.deepEqual(await choosePinning('auto', probe(null)), {
      prefix: [],
      cpu: null,
      note: 'not pinned: taskset is not available here',
    });
    await assert.rejects(choosePinning(1, probe(null)), /taskset is not available/);
    assert.equal((await choosePinning('off', probe([0, 1]))).note, 'not pinned (--pin off)');
  });

  it('runs unpinned with auto when taskset cannot set the CPU, and refuses a CPU asked for', async () => {
    const refused = async () => 'taskset: failed to set pid 1’s affinity: Invalid argument';
    assert.deepEqual(await choosePinning('auto', probe([0, 1]), refused), {
      prefix: [],
      cpu: null,
      note: 'not pinned: taskset refused CPU 1 (taskset: failed to set pid 1’s affinity: Invalid argument)',
    });
    await assert.rejects(
      choosePinning(1, probe([0, 1]), refused),
      /--pin 1: taskset refused: taskset: failed/,
    );
  });

  it('reads this machine’s CPUs, or null without taskset', async () => {
    const cpus = await allowedCpus();
    assert.ok(cpus === null || (cpus.length > 0 && cpus.every(Number.isInteger)));
    if (cpus !== null) assert.equal(await pinRefusal(cpus[0] as number), null);
    if (cpus !== null) assert.match((await pinRefusal(100_000)) ?? '', /\S/);
  });
});
