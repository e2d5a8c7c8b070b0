"""meetview: diplomatic meetings from the news, as a browsable record in the terminal."""

__version__ = "0.1.0"
