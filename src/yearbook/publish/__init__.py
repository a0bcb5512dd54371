"""Publishing: the report as a web page (and, later, PDF, open data and an API)."""
