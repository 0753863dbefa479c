"""wacli: a command-line WhatsApp client speaking the multi-device protocol itself."""

__version__ = "0.1.0"
