"""HTTP API: POST /v1/scores with an order, get back a risk score between 0 and 1."""

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI(title="risk-scoring", version="1.6.2")


class Order(BaseModel):
    order_id: str
    amount_cents: int = Field(ge=0)
    country: str = Field(min_length=2, max_length=2)


class Score(BaseModel):
    order_id: str
    score: float


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/v1/scores")
def score(order: Order) -> Score:
    base = min(order.amount_cents / 500_000, 1.0)
    return Score(order_id=order.order_id, score=round(base * (1.5 if order.country not in {"DE", "FR", "NL"} else 1.0), 3))
