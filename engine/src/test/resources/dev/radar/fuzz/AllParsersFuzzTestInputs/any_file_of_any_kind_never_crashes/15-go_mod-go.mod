module github.com/acme/shop

go 1.22

toolchain go1.22.3

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/stretchr/testify v1.9.0 // indirect
	golang.org/x/net v0.25.0
)

require github.com/google/uuid v1.6.0

replace github.com/acme/internal => ../internal

replace golang.org/x/net v0.25.0 => golang.org/x/net v0.26.0

exclude github.com/old/thing v1.0.0

retract [v1.0.0, v1.0.5]
