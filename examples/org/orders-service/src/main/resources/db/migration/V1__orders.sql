CREATE TABLE orders (
    id          UUID PRIMARY KEY,
    customer_id TEXT   NOT NULL,
    total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
