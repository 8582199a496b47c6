package main

import "testing"

func TestLedger(t *testing.T) {}
