"""The roster: read a CSV/XLSX export, map its headers, parse and check its values."""
