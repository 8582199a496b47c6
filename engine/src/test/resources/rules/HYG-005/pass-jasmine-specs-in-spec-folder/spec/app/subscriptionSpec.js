describe('subscription', () => {
  it('is created', () => {
    expect(true).toBe(true);
  });
});
