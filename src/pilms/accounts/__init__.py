"""Accounts: users, roles, passwords, sign-in sessions, lockout and CSV import/export."""
