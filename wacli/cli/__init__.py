"""The command line: Typer commands on top of wacli.client (never the other way)."""
