"""The demo school that `pilms demo` (and `make run` on first start) loads."""
