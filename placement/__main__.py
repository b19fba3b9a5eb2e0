"""`python -m placement`."""

from placement.cli.main import main

main()
