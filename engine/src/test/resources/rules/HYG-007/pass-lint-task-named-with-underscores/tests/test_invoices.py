def test_invoice(): pass
