import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toneClasses, toneOf } from './class-tones.ts';

test('class colours are the same everywhere: prototypes blue and purple, GT orange, Am lighter', () => {
  assert.deepEqual(toneOf('LMP2'), { tone: 'blue', am: false });
  assert.deepEqual(toneOf('LMP2 Am'), { tone: 'blue', am: true });
  assert.deepEqual(toneOf('LMP3'), { tone: 'purple', am: false });
  assert.deepEqual(toneOf('GT'), { tone: 'orange', am: false });
  assert.deepEqual(toneOf('GT-Am'), { tone: 'orange', am: true });
  assert.equal(toneOf('GT Cup').tone, 'yellow');
  assert.equal(toneOf('LMP1').tone, 'red');
  assert.equal(toneOf('Formula Vee').tone, 'grey');
  assert.equal(toneClasses('GT Am'), 'tone-orange tone-am');
});
