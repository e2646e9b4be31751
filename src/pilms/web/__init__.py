"""The web layer: the FastAPI application, request context, errors, security and templates."""
