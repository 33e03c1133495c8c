"""The pure domain core: standard library only (a test enforces it)."""
