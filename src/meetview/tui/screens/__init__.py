"""Modal and full screens: help, export prompt, chooser, person view, country-pair view."""
