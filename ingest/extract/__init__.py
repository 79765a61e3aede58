"""Extract: people, figures, places and keywords found in an article."""
