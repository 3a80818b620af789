"""``python -m scripts``: see ``scripts/cli.py``."""
import sys

from scripts import cli

sys.exit(cli.main())
