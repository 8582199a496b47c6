import test from 'ava'; test('ok', t => t.pass());
