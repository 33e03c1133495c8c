"""Pictures written out: the data files that pose them, and the SVG, PNG and PDF writers."""
