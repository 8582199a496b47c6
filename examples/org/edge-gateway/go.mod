module github.com/acme/edge-gateway

go 1.23

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/golang/protobuf v1.5.4
	github.com/jackc/pgx/v5 v5.7.1
	github.com/redis/go-redis/v9 v9.7.0
	github.com/sony/gobreaker v1.0.0
	github.com/stretchr/testify v1.9.0
	go.opentelemetry.io/otel v1.31.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	golang.org/x/net v0.30.0 // indirect
	google.golang.org/protobuf v1.35.1 // indirect
)
