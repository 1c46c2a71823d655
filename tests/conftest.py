from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Hypothesis profiles (attrs' pattern): CI is derandomised so a red build can be replayed.
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else "default")
