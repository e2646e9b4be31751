"""Pi-LMS: an offline-first learning management system for a classroom on one small board."""

__version__ = "0.1.0"
