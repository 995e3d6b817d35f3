def test_store():
    assert True
