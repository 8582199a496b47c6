test('creates an order', () => {});
