from fastapi.testclient import TestClient

from risk_scoring.main import app


def test_small_domestic_orders_score_low() -> None:
    response = TestClient(app).post("/v1/scores", json={"order_id": "o-1", "amount_cents": 1999, "country": "DE"})
    assert response.status_code == 200
    assert response.json()["score"] < 0.1
