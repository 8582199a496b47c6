package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEnvOrFallsBackWhenUnset(t *testing.T) {
	assert.Equal(t, "8080", envOr("EDGE_GATEWAY_UNSET_FOR_TEST", "8080"))
}
