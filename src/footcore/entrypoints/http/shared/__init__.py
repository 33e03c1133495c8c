"""What the JSON API and the HTML pages share (forms, queries, charts, pictures); neither imports
the other."""
