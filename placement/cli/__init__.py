"""The command line: thin commands over the core, one module per command group."""
