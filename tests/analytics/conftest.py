from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pds"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "connectors"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pds_fixture import pds_network  # noqa: F401
