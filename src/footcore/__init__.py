"""footcore: periodized foot-and-ankle strength programs for runners."""

__version__ = "0.1.0"
