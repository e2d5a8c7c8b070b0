"""Data files the extractor ships with: topic terms, country names and demonyms, groups, organizations."""
