module example.com/ledger

go 1.22

require (
	go.opentelemetry.io/otel v1.31.0
	go.opentelemetry.io/otel/exporters/prometheus v0.53.0
	go.opentelemetry.io/otel/sdk/metric v1.31.0
	go.uber.org/zap v1.27.0
)
