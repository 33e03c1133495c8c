"""Exporters: domain values in, files out (calendar, printable plan, charts). No database here."""
