"""Benchmarks: run by hand, never by the test suite (see benchmarks/README.md)."""
