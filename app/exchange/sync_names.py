"""The name of a file in a shared sync folder: ``hearth-<from>-to-<to>-<sequence>.age`` (``syncfolder``).

Its own module so that what only looks at names (the reminders noticing a new file) does not load the whole
exchange (its cryptography, before the first window was painted: issue 15's start-up).
"""

from __future__ import annotations

import re

NAME = re.compile(r"^hearth-([0-9a-f]{12})-to-([0-9a-f]{12})-([0-9]{1,16})\.age$")
