"""Render plans and check reports: terminal tables, JSON, CSV, XLSX, Markdown."""
