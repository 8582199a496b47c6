"""Fraud risk scores for orders."""
