"""Operations: health checks and the `pilms check` report."""
