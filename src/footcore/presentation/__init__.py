"""Words for domain values that every output shares: the CLI, the web, calendars and PDFs."""
