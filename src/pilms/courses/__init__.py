"""Courses, lessons, enrolments and who has opened which lesson."""
